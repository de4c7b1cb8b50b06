package org.gridwatch.activity;

import org.gridwatch.area.DayPeriod;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridwatch.activity.ActivityAnswers.Activity;
import org.gridwatch.activity.ActivityAnswers.Attendance;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities (邻居节, 便民服务大集, trainings, volunteer services): created by an organiser at a place inside the
 * district (the grid, community and subdistrict located there and kept), read with their attendance, listed by period
 * and area. Each gets a random sign-in code that its QR code carries.
 */
@Service
public class Activities {
  /** The longest an activity may run. */
  static final Duration LONGEST = Duration.ofDays(7);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ActivityStore store;
  private final AttendanceStore attendance;
  private final ActivityAccess access;
  private final AreaCatalog areas;
  private final DistrictProfile district;
  private final Clock clock;

  Activities(ActivityStore store, AttendanceStore attendance, ActivityAccess access, AreaCatalog areas, DistrictProfile district,
      Clock clock) {
    this.store = store;
    this.attendance = attendance;
    this.access = access;
    this.areas = areas;
    this.district = district;
    this.clock = clock;
  }

  @Transactional
  public Activity create(ActivityRequests.Create body, Authentication auth, String siteUrl) {
    if (!body.ends().isAfter(body.starts())) throw ProblemException.badInput("ends", Text.of("activity.ends-after-starts"));
    if (Duration.between(body.starts(), body.ends()).compareTo(LONGEST) > 0) {
      throw ProblemException.badInput("ends", Text.of("activity.at-most-days", LONGEST.toDays()));
    }
    AreaView grid = areas.now().gridAt(body.lon(), body.lat())
        .orElseThrow(() -> ProblemException.badInput("lon", Text.of("activity.outside-district")));
    List<AreaView> chain = areas.now().chain(grid);
    ActivityRequests.Organisers o = body.organisersOrNone();
    List<Long> missingOrgs = store.missing("organisation", o.organisationIds());
    if (!missingOrgs.isEmpty()) throw ProblemException.badInput("organisers.organisations", Text.of("activity.no-organisation", missingOrgs));
    List<Long> missingVols = store.missing("volunteer", o.volunteerIds());
    if (!missingVols.isEmpty()) throw ProblemException.badInput("organisers.volunteers", Text.of("activity.no-volunteer", missingVols));
    ActivityRow row = new ActivityRow(store.nextId(), body.title().strip(), body.kind(), body.starts(), body.ends(), body.lon(), body.lat(),
        body.radiusM(), grid.code(), codeAt(chain, AreaLevel.COMMUNITY), codeAt(chain, AreaLevel.SUBDISTRICT), body.servicePoint(),
        newCode(), o.organisationIds(), o.volunteerIds(), body.skillTags());
    access.mustOrganise(auth, row.organising(), Text.of("activity.what.create"));
    store.insert(row, auth.getName(), clock.instant());
    return view(row, auth, siteUrl);
  }

  @Transactional(readOnly = true)
  public Activity find(long id, Authentication auth, String siteUrl) { return view(row(id), auth, siteUrl); }

  /** Activities starting in the period, in an area (a grid, community or subdistrict code) if given. */
  @Transactional(readOnly = true)
  public List<Activity> list(String from, String to, String area, Authentication auth, String siteUrl) {
    LocalDate today = LocalDate.now(clock.withZone(district.timeZone()));
    DayPeriod p = DayPeriod.parse(from, to, district.timeZone(), today.minusDays(30), today.plusDays(30));
    Set<String> grids = area == null || area.isBlank() ? null : gridsIn(area.strip());
    return store.between(p.start(), p.end(), grids).stream().map(a -> view(a, auth, siteUrl)).toList();
  }

  /** The QR code of the activity's sign-in link, for its organisers. */
  @Transactional(readOnly = true)
  public String qr(long id, Authentication auth, String siteUrl) {
    ActivityRow a = row(id);
    access.mustOrganise(auth, a.organising(), Text.of("activity.what.qr"));
    return SignInQr.svg(signInUrl(a, siteUrl));
  }

  ActivityRow row(long id) {
    return store.find(id).orElseThrow(() -> ProblemException.notFound("unknown-activity", "Unknown activity",
        Text.of("activity.no-activity", id)));
  }

  /** The grids of an area of any level, by the hierarchy (400 naming {@code area} for an unknown code). */
  Set<String> gridsIn(String code) {
    AreaCatalog.Snapshot s = areas.now();
    AreaView top = s.find(code).orElseThrow(() -> ProblemException.badInput("area", Text.of("activity.no-area", code)));
    Set<String> out = new HashSet<>();
    List<AreaView> todo = new ArrayList<>(List.of(top));
    while (!todo.isEmpty()) {
      AreaView a = todo.remove(todo.size() - 1);
      if (a.level() == AreaLevel.GRID) out.add(a.code());
      else todo.addAll(s.children(a.code()));
    }
    return out;
  }

  private Activity view(ActivityRow a, Authentication auth, String siteUrl) {
    boolean organiser = access.organises(auth, a.organising());
    List<Attendance> rows = attendance.of(a.id());
    if (!organiser && !ActivityAccess.readsAllAttendance(auth)) {
      Long me = access.volunteerOf(auth).orElse(null);
      rows = rows.stream().filter(r -> me != null && r.volunteer() == me).toList();
    }
    return new Activity(a.id(), a.title(), a.kind(), a.starts(), a.ends(), a.lon(), a.lat(), a.radiusM(), a.grid(), a.community(),
        a.subdistrict(), new ActivityAnswers.Organisers(a.organisations(), a.volunteers()), a.servicePoint(), a.skills(),
        organiser ? signInUrl(a, siteUrl) : null, organiser ? "/api/v1/activities/" + a.id() + "/qr.svg" : null, rows);
  }

  static String signInUrl(ActivityRow a, String siteUrl) {
    return siteUrl + "/checkin.html?activity=" + a.id() + "&code=" + a.signInCode();
  }

  private static String codeAt(List<AreaView> chain, AreaLevel level) {
    return chain.stream().filter(x -> x.level() == level).map(AreaView::code).findFirst().orElse(null);
  }

  static String newCode() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  Instant now() { return clock.instant().truncatedTo(ChronoUnit.MICROS); }
}
