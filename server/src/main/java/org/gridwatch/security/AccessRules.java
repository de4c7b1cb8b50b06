package org.gridwatch.security;


import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: one table, read top to bottom, first match wins; whatever it does not name is refused.
 * Roles decide the endpoint; which cases and areas inside it a staff member sees is decided by the roster
 * (their grids, community, subdistrict or department), in the capability itself.
 *
 * <p>Police information (cameras, sectors, patrol routes and schedules, coverage and gaps, obstacles and
 * suggestions) is for POLICE, OPERATOR and ADMIN; PLANNER reads the per-grid coverage figures a redraw preview
 * shows, never positions.
 */
final class AccessRules {
  /** A rule: the requests it matches, the roles it admits (none with {@code open}: anyone), what it protects. */
  record Rule(List<RequestMatcher> matchers, Access access, Set<Role> roles, String what, String whatZh) {
    boolean matches(HttpServletRequest request) { return matchers.stream().anyMatch(m -> m.matches(request)); }
  }

  enum Access { OPEN, SIGNED_IN, ROLES }

  private static final Set<Role> STAFF = Audiences.STAFF;
  /** Who runs a community's meeting loop (their community or subdistrict: checked in the consultation capability). */
  private static final Set<Role> CONSULTATION_WRITERS = Set.of(Role.ADMIN, Role.OPERATOR, Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF);
  /** Staff, and property companies' staff (物业优先): they read their company's cases and act on them like a grid worker. */
  private static final Set<Role> CASE_HANDLERS = java.util.stream.Stream.concat(STAFF.stream(), java.util.stream.Stream.of(Role.PROPERTY_STAFF))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<Role> POLICE_INFO = Audiences.POLICE_INFO;
  private static final Set<Role> COVERAGE_FIGURES = Audiences.COVERAGE_FIGURES;
  private static final Set<Role> CASE_ANALYSIS = Audiences.CASE_ANALYSIS;
  private static final Set<Role> PLANNERS = Audiences.PLANNERS;
  private static final Set<Role> ADMINS = Audiences.ADMINS;
  /** Who walks patrols and records them (the patrol's owner only, checked in the capability). */
  private static final Set<Role> PATROLLERS = Set.of(Role.GRID_WORKER, Role.POLICE);
  /** Who reads patrols: their owners, and the police-information audience every patrol. */
  private static final Set<Role> PATROL_READERS = Set.of(Role.GRID_WORKER, Role.POLICE, Role.OPERATOR, Role.ADMIN);
  /** Who organises activities (which ones: checked in the activity capability). */
  private static final Set<Role> ORGANISERS = Set.of(Role.ADMIN, Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF, Role.ORGANISATION_STAFF,
      Role.SOCIAL_WORKER);
  /** Who signs in and out of activities: organisers, on a volunteer's behalf, and volunteers themselves. */
  private static final Set<Role> VOLUNTEERING = with(ORGANISERS, Role.VOLUNTEER);
  /** Who reads activities and hours: the staff, organisers and volunteers (a volunteer their own rows). */
  private static final Set<Role> VOLUNTEERING_READERS = with(with(STAFF, Role.ORGANISATION_STAFF, Role.SOCIAL_WORKER), Role.VOLUNTEER);
  /** Per-area volunteering figures (no names): the staff and organisers. */
  private static final Set<Role> ACTIVITY_FIGURES = with(STAFF, Role.ORGANISATION_STAFF, Role.SOCIAL_WORKER);
  /** Who matches volunteers to requests and bookings. */
  private static final Set<Role> MATCHERS = with(STAFF, Role.ORGANISATION_STAFF, Role.SOCIAL_WORKER);

  /** Organisations: admins and planners all; community and subdistrict staff their area's; an organisation's staff their own. */
  private static final Set<Role> ORGANISATION_READERS = Set.of(Role.ADMIN, Role.PLANNER, Role.COMMUNITY_STAFF,
      Role.SUBDISTRICT_STAFF, Role.ORGANISATION_STAFF, Role.PROPERTY_STAFF);
  private static final Set<Role> ORGANISATION_WRITERS = Set.of(Role.ADMIN, Role.PLANNER, Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF);
  /** Who reads volunteers (masked; each only in their area, a volunteer only their own record, checked in the capability). */
  private static final Set<Role> VOLUNTEER_READERS = Set.of(Role.ADMIN, Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF,
      Role.SOCIAL_WORKER, Role.VOLUNTEER);
  /** Who registers volunteers and social workers and forms their teams (in their area, checked in the capability). */
  private static final Set<Role> VOLUNTEER_WRITERS = Set.of(Role.ADMIN, Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF);

  /** Who writes service points, offers and fulfilments (each only in their area or for their organisation). */
  private static final Set<Role> SERVICE_WRITERS = Set.of(Role.ADMIN, Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF,
      Role.ORGANISATION_STAFF);
  /** Who books a service: a signed-in resident for themselves, staff and organisation staff on a resident's behalf. */
  private static final Set<Role> BOOKERS = Set.of(Role.RESIDENT, Role.ADMIN, Role.OPERATOR, Role.GRID_WORKER, Role.COMMUNITY_STAFF,
      Role.SUBDISTRICT_STAFF, Role.ORGANISATION_STAFF, Role.SOCIAL_WORKER);
  /** Who reads bookings (each the ones of their area or organisation, the command centre all). */
  private static final Set<Role> BOOKING_READERS = Set.of(Role.ADMIN, Role.OPERATOR, Role.GRID_WORKER, Role.COMMUNITY_STAFF,
      Role.SUBDISTRICT_STAFF, Role.ORGANISATION_STAFF);

  /** Who records mediations (each only in their grid, community or subdistrict; checked in the capability). */
  private static final Set<Role> MEDIATORS = Set.of(Role.ADMIN, Role.OPERATOR, Role.GRID_WORKER, Role.COMMUNITY_STAFF,
      Role.SUBDISTRICT_STAFF);
  /** Who constitutes bodies and registers party members (in their community or subdistrict, checked in the capability). */
  private static final Set<Role> GOVERNANCE_WRITERS = Set.of(Role.ADMIN, Role.OPERATOR, Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF);

  /** Who publishes (政务社务公开): officers of every level, property companies' and organisations' staff. */
  private static final Set<Role> PUBLISHERS = Set.of(Role.ADMIN, Role.OPERATOR, Role.SUBDISTRICT_STAFF, Role.COMMUNITY_STAFF,
      Role.GRID_WORKER, Role.PROPERTY_STAFF, Role.ORGANISATION_STAFF);

  private static final String[] PAGES = {"/", "/index.html", "/console.html", "/report.html", "/planning.html",
      "/planner.html", "/community.html", "/projects.html", "/consultation.html", "/field.html", "/login.html", "/field.webmanifest", "/field-sw.js", "/favicon.ico",
      "/css/**", "/js/**", "/img/**",
      "/webjars/**", "/vendor/**", "/problems/**"};
  private static final String[] POLICE_COLLECTIONS = collections("cameras", "camera-coverage", "patrol-routes", "coverage-gaps");

  /** The tiles and the TileJSON of tile sets: /tiles/{layer}/** and /tiles/{layer}.json. */
  private static String[] tiles(String... layers) {
    return java.util.Arrays.stream(layers).flatMap(l -> java.util.stream.Stream.of("/tiles/" + l + "/**", "/tiles/" + l + ".json"))
        .toArray(String[]::new);
  }

  static final List<Rule> RULES = List.of(
      open(null, "sign in and out, locate a point, Open311 (api_key for writes)", "登录与退出、定位、Open311", "/login", "/logout", "/error",
          "/api/v1/locate", "/open311/**"),
      open(HttpMethod.POST, "report a case", "上报案件", "/api/v1/incidents"),
      // 12345 hotline (issue 17, part D): a ticket comes signed by the hotline system (checked in the capability) or is
      // entered by a signed-in operator; the queue, the loop and the measures are the command centre's.
      open(HttpMethod.POST, "receive a 12345 hotline ticket (signed by the hotline, or an operator's entry)", "接收12345热线工单（热线签名，或接线员录入）",
          "/api/v1/hotline/tickets"),
      roles(null, Audiences.COMMAND_CENTRE, "12345 hotline tickets, their loop and measures", "12345热线工单、办理流程与考核指标",
          "/api/v1/hotline/**"),
      // The meeting loop (issue 16, part B): which community a writer may act in is decided in the capability.
      open(HttpMethod.GET, "published decisions of consultation (no personal data)", "已公开的议事决定（不含个人信息）",
          "/api/v1/public/decisions"),
      roles(HttpMethod.POST, CONSULTATION_WRITERS, "convene a case into consultation", "召集协商案件", "/api/v1/incidents/*/convene"),
      signedIn(HttpMethod.POST, "propose a topic (residents) or open one (staff), support a proposal", "提出议题（居民）或发起议题（工作人员）、附议",
          "/api/v1/topics", "/api/v1/topics/*/support"),
      roles(HttpMethod.GET, STAFF, "topics, meetings, decisions and tasks of consultation", "议题、会议、决定与任务",
          "/api/v1/topics", "/api/v1/topics/*", "/api/v1/meetings", "/api/v1/meetings/*", "/api/v1/decisions", "/api/v1/decisions/*",
          "/api/v1/tasks", "/api/v1/tasks/*"),
      roles(HttpMethod.POST, CONSULTATION_WRITERS, "run the meeting loop: accept topics, meetings, decisions, tasks, supervision",
          "议事流程：受理议题、会议、决定、任务、监督", "/api/v1/topics/*/*", "/api/v1/meetings", "/api/v1/meetings/*/*",
          "/api/v1/decisions", "/api/v1/decisions/*/*", "/api/v1/tasks", "/api/v1/tasks/*/*"),
      // The feedback endpoint decides itself: only the holder of the case's follow token rates it.
      open(HttpMethod.POST, "rate a closed case (its reporter, with the follow token)", "评价已结案件（持跟踪码的上报人）",
          "/api/v1/incidents/*/feedback"),
      // The media endpoints decide themselves: staff who may read the case, or its reporter with the follow token.
      open(HttpMethod.POST, "attach a photo to a case (staff of its area, or its reporter with the follow token)",
          "为案件附加照片（所在区域工作人员，或持跟踪码的上报人）", "/api/v1/incidents/*/media"),
      open(HttpMethod.GET, "a case's photos (staff of its area, or its reporter with the follow token), the upload limits",
          "案件照片（所在区域工作人员，或持跟踪码的上报人）、上传限制", "/api/v1/incidents/*/media/*", "/api/v1/incidents/*/media/*/*",
          "/api/v1/media/settings"),
      roles(HttpMethod.POST, ADMINS, "import a district's hierarchy", "导入辖区区划", "/api/v1/areas/import"),
      signedIn(HttpMethod.GET, "export the hierarchy", "导出区划", "/api/v1/areas/export"),
      open(HttpMethod.OPTIONS, "ask what an OGC API endpoint allows", "查询 OGC API 接口允许的方法", "/ogcapi/**"),
      // Vector tiles (issue 18, part A): each tile set has the readers of the API layer it draws.
      open(HttpMethod.GET, "area and building vector tiles and their TileJSON", "区划与楼栋矢量瓦片及其 TileJSON",
          tiles("grids", "communities", "subdistricts", "buildings")),
      roles(HttpMethod.GET, STAFF, "case vector tiles", "案件矢量瓦片", tiles("cases")),
      roles(HttpMethod.GET, POLICE_INFO, "camera and view-sector vector tiles", "摄像头与视域矢量瓦片", tiles("cameras")),
      roles(HttpMethod.GET, COVERAGE_FIGURES, "coverage vector tiles", "覆盖率矢量瓦片", tiles("coverage")),
      open(HttpMethod.GET, "no such tile set (answered 404)", "不存在的瓦片集（答复 404）", "/tiles/**"),
      roles(HttpMethod.GET, STAFF, "the case map", "案件地图", "/api/v1/incidents/map"),
      roles(HttpMethod.GET, Audiences.COMMAND_CENTRE, "whom a case may be dispatched to", "案件派遣候选对象", "/api/v1/incidents/*/candidates"),
      roles(HttpMethod.GET, POLICE_INFO, "the cameras that see a case's place, with their live views", "能看到案发地的摄像头及实时画面",
          "/api/v1/incidents/*/cameras"),
      // Places and services (issue 14 §2): the layer, the catalogue and the deserts are public (no personal data);
      // writers are checked against their area or organisation in the capability; bookings hold phones: staff only.
      open(HttpMethod.GET, "service points, the service catalogue and service deserts", "服务阵地、服务目录与服务盲区",
          "/api/v1/service-points", "/api/v1/service-points/**", "/api/v1/services", "/api/v1/services/*", "/api/v1/category-services"),
      roles(null, SERVICE_WRITERS, "add and change service points and offers (in their area or organisation)",
          "新增和修改服务阵地与服务项目（本辖区或本机构）", "/api/v1/service-points", "/api/v1/service-points/**", "/api/v1/services"),
      roles(HttpMethod.PUT, ADMINS, "map case categories to services", "设置案件类别对应的服务", "/api/v1/category-services/*"),
      roles(HttpMethod.POST, BOOKERS, "book a service (a resident, or staff on their behalf)", "预约服务（居民本人或工作人员代约）",
          "/api/v1/bookings"),
      roles(HttpMethod.POST, SERVICE_WRITERS, "record whether a booked service was delivered", "登记预约服务是否完成",
          "/api/v1/bookings/*/fulfilment"),
      roles(HttpMethod.GET, STAFF, "bookings made and fulfilled per area", "各区域服务预约与完成数", "/api/v1/bookings/measures"),
      roles(HttpMethod.GET, BOOKING_READERS, "bookings (phones masked)", "服务预约（电话已脱敏）", "/api/v1/bookings", "/api/v1/bookings/*"),
      // Needs (issue 15 part A): counts per area and public case numbers, still staff-only (where demand lies is not public).
      roles(HttpMethod.POST, Audiences.NEED_RECORDERS, "record a need by hand (a survey, a council's topic, a visit)",
          "手工登记需求（调查、议事议题、走访）", "/api/v1/needs/recorded"),
      roles(HttpMethod.GET, Audiences.NEED_READERS, "the needs map, its cases, unmet demand and needs recorded by hand",
          "需求地图、其案件、未满足需求与手工登记的需求", "/api/v1/needs", "/api/v1/needs/**"),
      // Funded projects (issue 15): rounds and approved projects are public (what each reader sees of a project is
      // decided in the capability: scores, reviewers and unapproved applications only to the staff); who acts on which
      // project (its provider's staff) is checked there too.
      open(HttpMethod.GET, "funding rounds and approved projects", "资助批次与已立项项目", "/api/v1/rounds", "/api/v1/rounds/*",
          "/api/v1/projects", "/api/v1/projects/*"),
      roles(HttpMethod.POST, Set.of(Role.FUNDER, Role.ADMIN), "open a funding round", "发布资助批次", "/api/v1/rounds"),
      roles(HttpMethod.POST, Set.of(Role.ORGANISATION_STAFF, Role.FUNDER, Role.ADMIN), "apply for a project (for your organisation)",
          "申报项目（本机构）", "/api/v1/projects"),
      roles(HttpMethod.POST, Set.of(Role.REVIEWER), "score an application, declare a conflict, check an evaluation",
          "项目评审打分、申明利益冲突、评估核查", "/api/v1/projects/*/reviews", "/api/v1/projects/*/conflicts", "/api/v1/projects/*/check"),
      roles(HttpMethod.POST, Set.of(Role.FUNDER), "decide on projects (shortlist, decline, approve, contract, publish, terminate)",
          "项目决策（入围、不予立项、立项、签约、发布评估结果、终止）", "/api/v1/projects/*/shortlist", "/api/v1/projects/*/decline",
          "/api/v1/projects/*/approve", "/api/v1/projects/*/contract", "/api/v1/projects/*/publish", "/api/v1/projects/*/terminate"),
      roles(HttpMethod.POST, Set.of(Role.ORGANISATION_STAFF, Role.FUNDER), "start a contracted project (its provider, or the funder)",
          "启动已签约项目（承接机构或资助方）", "/api/v1/projects/*/start"),
      roles(HttpMethod.POST, Set.of(Role.ORGANISATION_STAFF), "report on your organisation's project (self-evaluation)",
          "提交本机构项目自评报告", "/api/v1/projects/*/self-report"),
      // What funded projects did (issue 15, impact): the capability shows a project before approval only to the funding
      // staff and the provider's staff, and lets only the provider's staff, FUNDER and ADMIN record activities.
      open(HttpMethod.GET, "funded projects' activities, photos and outcomes; rounds' and years' outcomes",
          "公益项目的活动、照片与成效；各批次与年度成效", "/api/v1/projects/*/activities", "/api/v1/projects/*/activities/*/photos/*",
          "/api/v1/projects/*/activities/*/photos/*/thumbnail", "/api/v1/projects/*/outcomes", "/api/v1/rounds/*/outcomes",
          "/api/v1/funding/years/*/outcomes"),
      roles(HttpMethod.POST, Set.of(Role.ORGANISATION_STAFF, Role.FUNDER, Role.ADMIN),
          "record a funded project's activities and their photos (its provider's staff, FUNDER, ADMIN)",
          "登记公益项目的活动及照片（承接机构工作人员、民政部门、管理员）", "/api/v1/projects/*/activities",
          "/api/v1/projects/*/activities/*/photos"),
      // Bodies, members, party organisation (issue 16 part A): bodies and members' names and roles are public (phones
      // only for staff, in the capability); writers are checked against their community in the capability.
      roles(HttpMethod.POST, GOVERNANCE_WRITERS, "constitute and dissolve bodies, their members and terms, register party members",
          "设立与撤销组织、成员及任期、登记党员", "/api/v1/bodies", "/api/v1/bodies/*/dissolve", "/api/v1/bodies/*/members",
          "/api/v1/bodies/*/members/*/end", "/api/v1/party-members"),
      open(HttpMethod.GET, "bodies and their members (names and roles)", "议事与党组织及其成员（姓名与职务）", "/api/v1/bodies",
          "/api/v1/bodies/*"),
      roles(HttpMethod.GET, STAFF, "party members (masked) and party organisation coverage", "党员（脱敏）与党组织覆盖",
          "/api/v1/party-members", "/api/v1/party-organisation"),
      // The public portal (issue 17): a grid's contacts by name and duty line, service points, current publications.
      open(HttpMethod.GET, "the public portal of a grid (no personal data)", "网格公开门户（不含个人信息）", "/api/v1/portal",
          "/portal.html"),
      roles(HttpMethod.PUT, Set.of(Role.ADMIN, Role.OPERATOR), "publish the duty lines the portal shows", "公布门户显示的值班电话",
          "/api/v1/portal/duty-lines"),
      // Publications (issue 17, part A): current published ones, the feed and their files are anyone's; drafts, the review
      // queue and who may write, review or withdraw where are decided in the capability (their area, their organisation).
      open(HttpMethod.GET, "publications, service guides and the Atom feed of an area, and the officers' publishing page",
          "政务社务公开、办事指南及区域 Atom 订阅，公开发布页面", "/api/v1/publications", "/api/v1/publications/feed",
          "/api/v1/publications/*", "/api/v1/publications/*/attachments", "/api/v1/publications/*/attachments/*", "/publish.html"),
      roles(HttpMethod.POST, PUBLISHERS, "write, submit, review and withdraw publications, attach files (in their area)",
          "撰写、提交、审核与撤回公开信息，上传附件（本辖区）", "/api/v1/publications", "/api/v1/publications/*/*"),
      open(HttpMethod.GET, "the public pages and their assets", "公开页面", PAGES),
      open(HttpMethod.GET, "the public reads", "公开数据", "/actuator/health", "/actuator/health/**", "/api/v1/config", "/api/v1/district", "/api/v1/status", "/api/v1/sign-in",
          "/api/v1/areas", "/api/v1/areas/**", "/api/v1/compounds", "/api/v1/categories", "/api/v1/incidents/*", "/api/v1/calendar",
          "/api/v1/calendar/*", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"),
      // Volunteers and social workers (issue 14): counts per area are public, persons never.
      open(HttpMethod.GET, "volunteers per area (counts only)", "各区域志愿者人数（仅计数）", "/api/v1/volunteers/density"),
      roles(HttpMethod.GET, ADMINS, "who read a volunteer's full record", "志愿者完整档案的查阅记录", "/api/v1/volunteers/*/record-reads"),
      roles(HttpMethod.GET, VOLUNTEER_READERS, "volunteers and social workers of your area (masked; full records audited)",
          "本辖区志愿者与社工（脱敏；完整档案的查阅留痕）", "/api/v1/volunteers", "/api/v1/volunteers/*", "/api/v1/volunteers/*/record"),
      roles(HttpMethod.GET, Set.of(Role.ADMIN, Role.COMMUNITY_STAFF, Role.SUBDISTRICT_STAFF, Role.SOCIAL_WORKER),
          "volunteer teams of your area", "本辖区志愿者队伍", "/api/v1/volunteer-teams"),
      roles(null, VOLUNTEER_WRITERS, "register volunteers and social workers, form their teams", "登记志愿者与社工、组建志愿者队伍",
          "/api/v1/volunteers", "/api/v1/volunteers/*", "/api/v1/volunteer-teams", "/api/v1/volunteer-teams/*/members/*"),
      open(HttpMethod.GET, "find a place by its address", "按地址查找位置", "/api/v1/geocode", "/api/v1/geocode/reverse"),
      signedIn(HttpMethod.GET, "export the address table", "导出标准地址", "/api/v1/addresses/export"),
      roles(HttpMethod.POST, PLANNERS, "import the address table", "导入标准地址", "/api/v1/addresses/import"),
      open(HttpMethod.GET, "the OGC API and its public layers", "OGC API 及其公开图层", concat(new String[] {"/ogcapi", "/ogcapi/", "/ogcapi/api",
          "/ogcapi/conformance", "/ogcapi/collections"}, PublicLayers.PATTERNS)),
      signedIn(HttpMethod.GET, "your account", "本人账户", "/api/v1/me"),
      // Notifications (issue 17, part C): each person's own subscriptions and preferences; the outbox is the administrator's.
      signedIn(null, "your subscriptions and notification preferences", "本人的订阅与通知设置",
          "/api/v1/subscriptions", "/api/v1/subscriptions/*", "/api/v1/notification-preferences"),
      roles(null, ADMINS, "the outbox: messages, their delivery status, retry", "消息发件箱：消息、发送状态、重试",
          "/api/v1/outbox", "/api/v1/outbox/**"),
      roles(HttpMethod.POST, PATROLLERS, "record a patrol (start, GPS fixes, check-ins, end)", "记录巡逻（开始、定位点、签到、结束）",
          "/api/v1/patrols", "/api/v1/patrols/*/points", "/api/v1/patrols/*/checkins", "/api/v1/patrols/*/end"),
      roles(HttpMethod.GET, PATROL_READERS, "patrols as walked", "巡逻记录", "/api/v1/patrols", "/api/v1/patrols/*"),
      // Activities, volunteer hours, matching (issue 14): the capability checks which activity an organiser organises
      // and that a volunteer signs in or reads hours only as themselves.
      open(HttpMethod.GET, "the volunteer's sign-in page a scanned QR code opens", "扫码签到页面", "/checkin.html"),
      // Issue 17, part E: the hotline page is a static shell; what it shows and does is decided by /api/v1/hotline/**.
      open(HttpMethod.GET, "the 12345 hotline page (its API decides what it shows)", "12345 热线工单页面", "/hotline.html"),
      roles(HttpMethod.GET, ACTIVITY_FIGURES, "volunteer hours and active volunteers per area", "各区域志愿服务时长与活跃志愿者",
          "/api/v1/activities/measures"),
      roles(HttpMethod.POST, ORGANISERS, "create an activity, correct its attendance", "创建活动、更正签到记录", "/api/v1/activities",
          "/api/v1/activities/*/attendance/*/corrections"),
      roles(HttpMethod.GET, ORGANISERS, "an activity's QR code and attendance corrections", "活动签到二维码与更正记录",
          "/api/v1/activities/*/qr.svg", "/api/v1/activities/*/attendance/*/corrections"),
      roles(HttpMethod.POST, VOLUNTEERING, "sign in and out of an activity", "活动签到与签退", "/api/v1/activities/*/sign-in",
          "/api/v1/activities/*/sign-out"),
      roles(HttpMethod.GET, VOLUNTEERING_READERS, "activities and volunteer hours", "活动与志愿服务时长", "/api/v1/activities",
          "/api/v1/activities/*", "/api/v1/volunteer-hours"),
      roles(null, MATCHERS, "suggest volunteers for a request, record who took it", "为诉求推荐志愿者、记录承接人",
          "/api/v1/matches", "/api/v1/matches/suggestions"),
      // Before the staff reads of /api/v1/roster/**: the export holds phone numbers.
      roles(null, ADMINS, "import and export the roster, accounts for its people", "导入导出人员名册、为人员开通账户",
          "/api/v1/roster/import", "/api/v1/roster/export", "/api/v1/people/*/account"),
      roles(HttpMethod.GET, CASE_HANDLERS, "the case queue and live stream (staff, property staff: their company's cases)",
          "案件队列与实时推送（工作人员；物业人员：本物业的案件）", "/api/v1/incidents", "/api/v1/live"),
      roles(HttpMethod.GET, STAFF, "staff reads (measures, rosters)", "工作人员数据（考核指标、人员名册）", "/api/v1/measures",
          "/api/v1/grids/*/roster", "/api/v1/roster/**", "/api/v1/departments"),
      roles(HttpMethod.POST, CASE_HANDLERS, "act on a case", "办理案件", "/api/v1/incidents/*/*"),
      // Issue 16, part C: mediation of disputes (which ones: the case's grid, community, subdistrict, checked in the
      // capability), the consultation figures and their staff map layers.
      roles(HttpMethod.GET, STAFF, "mediations of disputes (parties' phones masked)", "纠纷调解记录（当事人电话脱敏）",
          "/api/v1/incidents/*/mediation", "/api/v1/mediations", "/api/v1/mediations/*"),
      roles(HttpMethod.POST, MEDIATORS, "record mediations of disputes", "登记纠纷调解", "/api/v1/mediations/*/*"),
      roles(HttpMethod.GET, STAFF, "consultation figures per area", "各区域协商议事指标", "/api/v1/consultation/measures"),
      roles(HttpMethod.GET, STAFF, "meetings and open topics on the map", "议事会议与待办议题图层", collections("meetings", "open-topics")),
      // Organisations (issue 14): which ones a reader sees and may change is decided in the capability (their area, their own).
      roles(HttpMethod.GET, Audiences.STAFF, "organisations per area (counts)", "各区域组织数", "/api/v1/organisations/measures"),
      roles(HttpMethod.PUT, ADMINS, "link an account to an organisation", "关联组织工作人员账户", "/api/v1/organisations/*/staff/*"),
      roles(HttpMethod.GET, ORGANISATION_READERS, "organisations", "组织", "/api/v1/organisations", "/api/v1/organisations/*"),
      roles(null, ORGANISATION_WRITERS, "register organisations, their service areas and incubation", "登记组织、服务区域与孵化",
          "/api/v1/organisations", "/api/v1/organisations/*/service-areas", "/api/v1/organisations/*/service-areas/*",
          "/api/v1/organisations/*/incubation"),
      roles(HttpMethod.GET, COVERAGE_FIGURES, "coverage figures per grid", "网格覆盖率数据", concat(new String[] {"/api/v1/coverage/grids",
          "/api/v1/coverage/grids/*", "/api/v1/coverage/summary"}, collections("grid-coverage"))),
      roles(null, POLICE_INFO, "police information (cameras, patrol routes, coverage, obstacles)", "警务信息（摄像头、巡逻路线、覆盖范围、遮挡物）", concat(new String[] {
          "/api/v1/cameras", "/api/v1/cameras/**", "/api/v1/routes", "/api/v1/routes/**", "/api/v1/obstacles",
          "/api/v1/obstacles/**", "/api/v1/coverage/**"}, POLICE_COLLECTIONS)),
      roles(HttpMethod.GET, CASE_ANALYSIS, "the cases layer with exact places", "含精确位置的案件图层", collections("incidents")),
      // The same outlines the public OGC layers serve, as a file: any account.
      signedIn(HttpMethod.GET, "export a level", "导出区划层级", "/api/v1/levels/*/export"),
      signedIn(HttpMethod.GET, "export the buildings", "导出楼栋", "/api/v1/buildings/export"),
      roles(HttpMethod.POST, PLANNERS, "import buildings and compounds", "导入楼栋与小区", "/api/v1/buildings/import"),
      // Any other collection: signed in, so that an unknown one is a 404 and not a hint that it exists.
      signedIn(HttpMethod.GET, "the OGC API collections", "OGC API 图层", "/ogcapi/collections/*", "/ogcapi/collections/*/items",
          "/ogcapi/collections/*/items/*"),
      roles(null, PLANNERS, "redraw boundaries", "调整边界", "/api/v1/areas/**", "/api/v1/drafts", "/api/v1/drafts/**",
          "/api/v1/edits", "/api/v1/edits/**",
          "/api/v1/levels/*/import", "/ogcapi/collections/*/items", "/ogcapi/collections/*/items/*"),
      // The read-only OGC resources have GET handlers only: another method from an account reaches them for its 405.
      signedIn(null, "the OGC API", "OGC API", "/ogcapi", "/ogcapi/", "/ogcapi/api", "/ogcapi/conformance",
          "/ogcapi/collections", "/ogcapi/collections/*"),
      roles(null, ADMINS, "administration (categories, calendar, actuator)", "系统管理（类别、日历、运行监控）", "/api/v1/categories/*",
          "/api/v1/calendar/*", "/api/v1/calendar/*/changes", "/actuator/**"));

  private AccessRules() {}

  /** The first rule that matches the request, if any (none: refused by default). */
  static Optional<Rule> ruleFor(HttpServletRequest request) {
    return RULES.stream().filter(r -> r.matches(request)).findFirst();
  }

  private static Rule open(HttpMethod method, String what, String whatZh, String... patterns) {
    return new Rule(matchers(method, patterns), Access.OPEN, Set.of(), what, whatZh);
  }

  private static Rule signedIn(HttpMethod method, String what, String whatZh, String... patterns) {
    return new Rule(matchers(method, patterns), Access.SIGNED_IN, Set.of(), what, whatZh);
  }

  private static Rule roles(HttpMethod method, Set<Role> roles, String what, String whatZh, String... patterns) {
    return new Rule(matchers(method, patterns), Access.ROLES, roles, what, whatZh);
  }

  /** GET rules also match HEAD, which a GET endpoint answers too. */
  private static List<RequestMatcher> matchers(HttpMethod method, String... patterns) {
    List<RequestMatcher> out = new java.util.ArrayList<>();
    for (String p : patterns) {
      if (method == null) {
        out.add(PathPatternRequestMatcher.withDefaults().matcher(p));
      } else {
        out.add(PathPatternRequestMatcher.withDefaults().matcher(method, p));
        if (method == HttpMethod.GET) out.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, p));
      }
    }
    return List.copyOf(out);
  }

  private static String[] collections(String... ids) {
    return java.util.Arrays.stream(ids).flatMap(id -> java.util.stream.Stream.of("/ogcapi/collections/" + id,
        "/ogcapi/collections/" + id + "/**")).toArray(String[]::new);
  }

  private static Set<Role> with(Set<Role> roles, Role... more) {
    java.util.EnumSet<Role> out = java.util.EnumSet.noneOf(Role.class);
    out.addAll(roles);
    out.addAll(List.of(more));
    return Set.copyOf(out);
  }

  private static String[] concat(String[] a, String[] b) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
  }
}
