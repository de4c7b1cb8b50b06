package org.gridwatch.demo;

import java.util.List;
import org.gridwatch.startup.StartupStep;
import org.springframework.stereotype.Component;

/**
 * The demo data's steps in the order each needs the one before: the hierarchy with its buildings, their standard
 * addresses, the roster on its
 * grids, a year of cases, the sky net (cameras also watch where those cases were reported), the ground net along
 * the areas' borders, synthetic compounds from the buildings' courtyards (before the property companies that serve them), and last the
 * funded projects, whose providers and target areas are the organisations and communities made before, then the bodies, meetings and
 * mediations of consultation, which meet at those service points and take up those needs and cases. Each skips when its data is already there, so every start runs them all.
 */
@Component
@DemoDataEnabled
class DemoData {
  private final DemoAreas areas;
  private final DemoAddresses addresses;
  private final DemoRoster roster;
  private final DemoIncidents incidents;
  private final DemoSkyNet skyNet;
  private final DemoGroundNet groundNet;
  private final DemoCompounds compounds;
  private final DemoOrganisations organisations;
  private final DemoVolunteers volunteers;
  private final DemoActivities activities;
  private final DemoServices services;
  private final DemoPropertyFirst propertyFirst;
  private final DemoProjects projects;
  private final DemoConsultation consultation;
  private final DemoHotline hotline;

  DemoData(DemoAreas areas, DemoAddresses addresses, DemoRoster roster, DemoIncidents incidents, DemoSkyNet skyNet, DemoGroundNet groundNet,
      DemoCompounds compounds, DemoOrganisations organisations, DemoVolunteers volunteers, DemoActivities activities, DemoServices services,
      DemoPropertyFirst propertyFirst, DemoProjects projects, DemoConsultation consultation,
      DemoHotline hotline) {
    this.hotline = hotline;
    this.projects = projects;
    this.consultation = consultation;
    this.compounds = compounds;
    this.organisations = organisations;
    this.volunteers = volunteers;
    this.activities = activities;
    this.services = services;
    this.propertyFirst = propertyFirst;
    this.areas = areas;
    this.addresses = addresses;
    this.roster = roster;
    this.incidents = incidents;
    this.skyNet = skyNet;
    this.groundNet = groundNet;
  }

  List<StartupStep> steps() {
    return List.of(
        new StartupStep("areas", "区域与楼栋", "areas and buildings", areas::seed),
        new StartupStep("addresses", "标准地址", "standard addresses", addresses::seed),
        new StartupStep("roster", "人员名册", "the roster", roster::seed),
        new StartupStep("cases", "历史案件", "the case history", incidents::seed),
        new StartupStep("skynet", "天网摄像机", "the sky net (cameras)", skyNet::seed),
        new StartupStep("groundnet", "地网巡逻线路", "the ground net (patrol routes)", groundNet::seed),
        new StartupStep("compounds", "小区（合成）", "compounds (synthetic)", compounds::seed),
        new StartupStep("organisations", "社区组织与物业", "organisations and property companies", organisations::seed),
        new StartupStep("volunteers", "志愿者与社工", "volunteers and social workers", volunteers::seed),
        new StartupStep("activities", "活动与志愿服务时长", "activities and volunteer hours", activities::seed),
        new StartupStep("services", "服务阵地与服务预约", "service points, offers and bookings", services::seed),
        new StartupStep("property-first", "物业优先", "property company first", propertyFirst::seed),
        new StartupStep("projects", "资助项目与需求记录（演示）", "funded projects and recorded needs (synthetic)", projects::seed),
        new StartupStep("consultation", "议事协商（演示）", "consultation and self-governance (synthetic)", consultation::seed),
        new StartupStep("hotline", "12345热线工单（演示）", "12345 hotline tickets (synthetic)", hotline::seed));
  }
}
