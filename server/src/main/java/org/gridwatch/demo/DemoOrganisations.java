package org.gridwatch.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.gridwatch.area.CompoundView;
import org.gridwatch.organisation.IncubationStage;
import org.gridwatch.organisation.OrganisationKind;
import org.gridwatch.organisation.OrganisationSeeding;
import org.gridwatch.organisation.OrganisationSeeding.NewIncubation;
import org.gridwatch.organisation.OrganisationSeeding.NewOrganisation;
import org.gridwatch.organisation.OrganisationSeeding.NewServiceArea;
import org.gridwatch.organisation.OrganisationSeeding.NewStaff;
import org.gridwatch.organisation.ServiceAreaKind;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;

/**
 * The demo's organisations, all synthetic (names end in 演示, credit codes made up with a valid check character,
 * phones 170 numbers): in every subdistrict three property companies sharing most of its compounds (one in eight left
 * without; one in ten changed company at the start of 2024, never overlapping), a law firm that is each of its
 * communities' legal adviser (一社区一法律顾问), a home-care service provider for all its communities, and two social
 * organisations at the incubator's stages (applied, incubating, graduated, or not incubated). The demo account
 * {@code property} acts for the company serving the most compounds, {@code organisation} for a social organisation of
 * the demo accounts' community. A district whose data has no compounds (the Shibei demo's buildings name none) gets
 * the companies without compounds; {@code property} then acts for the first company of the demo accounts' subdistrict.
 */
@Component
@DemoDataEnabled
class DemoOrganisations {
  private static final String[] PROPERTY_NAMES = {"安居物业", "和顺物业", "海韵物业"};
  private static final String[] SOCIAL_NAMES = {"邻里互助社", "社工服务中心", "为老服务社", "青少年成长驿站"};
  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
  private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

  private final AreaCatalog areas;
  private final OrganisationSeeding seeding;

  DemoOrganisations(AreaCatalog areas, OrganisationSeeding seeding) {
    this.areas = areas;
    this.seeding = seeding;
  }

  /** A run of the demo's making: what it adds, in order. */
  private static final class Made {
    final List<NewOrganisation> organisations = new ArrayList<>();
    final List<NewServiceArea> served = new ArrayList<>();
    final List<NewIncubation> incubations = new ArrayList<>();
    final Map<String, Integer> compoundsServed = new HashMap<>();
    String districtCode;
    String socialOfDemoCommunity;
    String propertyOfDemoSubdistrict;
    int sequence;
  }

  String seed() {
    if (!seeding.isEmpty()) return "already there";
    AreaCatalog.Snapshot s = areas.now();
    Made m = new Made();
    m.districtCode = s.level(AreaLevel.DISTRICT).get(0).code();
    Map<String, List<CompoundView>> compounds = compoundsBySubdistrict(s);
    String demoCommunity = DemoRoster.DEMO_GRID.substring(0, 12);
    for (AreaView sub : s.level(AreaLevel.SUBDISTRICT)) {
      List<AreaView> communities = s.children(sub.code());
      if (communities.isEmpty()) continue;
      String place = sub.name().replace("街道", "");
      String company = propertyCompanies(s, m, place, sub, compounds.getOrDefault(sub.code(), List.of()));
      if (demoCommunity.startsWith(sub.code())) m.propertyOfDemoSubdistrict = company;
      String law = organisation(m, "31", place + "律师事务所（演示）", OrganisationKind.LAW_FIRM, firstGridPoint(s, communities.get(0)));
      String care = organisation(m, "52", place + "居家养老服务中心（演示）", OrganisationKind.SERVICE_PROVIDER,
          firstGridPoint(s, communities.get(communities.size() / 2)));
      for (AreaView c : communities) {
        m.served.add(new NewServiceArea(law, ServiceAreaKind.COMMUNITY, c.code(), LocalDate.of(2025, 1, 1), null));
        m.served.add(new NewServiceArea(care, ServiceAreaKind.COMMUNITY, c.code(), LocalDate.of(2024, 7, 1), null));
      }
      for (int j = 0; j < 2; j++) {
        AreaView c = communities.get(j % communities.size());
        if (j == 0 && communities.stream().anyMatch(x -> x.code().equals(demoCommunity))) {
          c = s.find(demoCommunity).orElseThrow();
        }
        int pattern = (m.sequence + j) % 4;
        String social = organisation(m, "52", place + SOCIAL_NAMES[pattern] + "（演示）", OrganisationKind.SOCIAL_ORGANISATION,
            firstGridPoint(s, c));
        m.served.add(new NewServiceArea(social, ServiceAreaKind.COMMUNITY, c.code(), LocalDate.of(2025, 3, 1), null));
        incubate(m, social, pattern, m.sequence % 5);
        if (c.code().equals(demoCommunity) && m.socialOfDemoCommunity == null) m.socialOfDemoCommunity = social;
      }
    }
    List<NewStaff> staff = new ArrayList<>();
    // the company serving the most compounds (the first by credit code among equals)
    m.compoundsServed.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey).findFirst().or(() -> java.util.Optional.ofNullable(m.propertyOfDemoSubdistrict))
        .ifPresent(company -> staff.add(new NewStaff("property", company)));
    if (m.socialOfDemoCommunity != null) staff.add(new NewStaff("organisation", m.socialOfDemoCommunity));
    seeding.seed(m.organisations, m.served, m.incubations, staff);
    return m.organisations.size() + " organisations, " + m.served.size() + " service areas";
  }

  /**
   * Three companies share the subdistrict's compounds; one in eight has none, one in ten changed company in 2024. Answers
   * the first company's code.
   */
  private String propertyCompanies(AreaCatalog.Snapshot s, Made m, String place, AreaView sub, List<CompoundView> compounds) {
    String[] codes = new String[PROPERTY_NAMES.length];
    for (int i = 0; i < codes.length; i++) {
      Point at = compounds.isEmpty() ? firstGridPoint(s, s.children(sub.code()).get(0))
          : compounds.get(i % compounds.size()).outline().getInteriorPoint();
      codes[i] = organisation(m, "91", place + PROPERTY_NAMES[i] + "服务有限公司（演示）", OrganisationKind.PROPERTY_COMPANY, at);
    }
    for (int i = 0; i < compounds.size(); i++) {
      if (i % 8 == 7) continue;
      // uneven shares, so that one company serves the most
      String company = codes[i % 5 < 3 ? 0 : i % 5 == 3 ? 1 : 2];
      String name = compounds.get(i).name();
      if (i % 10 == 4) {
        String before = codes[(java.util.Arrays.asList(codes).indexOf(company) + 1) % codes.length];
        m.served.add(new NewServiceArea(before, ServiceAreaKind.COMPOUND, name, LocalDate.of(2021, 1, 1), SINCE.minusDays(1)));
      }
      m.served.add(new NewServiceArea(company, ServiceAreaKind.COMPOUND, name, SINCE, null));
      m.compoundsServed.merge(company, 1, Integer::sum);
    }
    return codes[0];
  }

  /** Applied, incubating, graduated or not incubated (pattern 0–3), on days spread over 2025 and 2026. */
  private static void incubate(Made m, String code, int pattern, int spread) {
    if (pattern == 3) return;
    m.incubations.add(new NewIncubation(code, IncubationStage.APPLIED, LocalDate.of(2025, 9, 1).plusDays(spread * 9L)));
    if (pattern >= 1) m.incubations.add(new NewIncubation(code, IncubationStage.INCUBATING, LocalDate.of(2026, 1, 5).plusDays(spread * 11L)));
    if (pattern >= 2) m.incubations.add(new NewIncubation(code, IncubationStage.GRADUATED, LocalDate.of(2026, 7, 1).plusDays(spread * 13L)));
  }

  private static String organisation(Made m, String prefix, String name, OrganisationKind kind, Point at) {
    int n = ++m.sequence;
    String first17 = prefix + m.districtCode + "MA" + String.format("%07d", n);
    String code = first17 + checkCharacter(first17);
    String contact = SURNAMES.charAt(n % SURNAMES.length()) + "联络员（演示）";
    m.organisations.add(new NewOrganisation(code, name, kind, contact, String.format("1700000%04d", n), null, at.getX(), at.getY()));
    return code;
  }

  /** GB 32100-2015's check character, so that the made-up codes pass the register's check. */
  private static char checkCharacter(String first17) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
    int check = 31 - sum % 31;
    return alphabet.charAt(check == 31 ? 0 : check);
  }

  private static Point firstGridPoint(AreaCatalog.Snapshot s, AreaView community) {
    List<AreaView> grids = s.children(community.code());
    return (grids.isEmpty() ? community : grids.get(0)).boundary().getInteriorPoint();
  }

  /** The compounds of each subdistrict (by the grid of their buildings, else of their inside), by name. */
  private static Map<String, List<CompoundView>> compoundsBySubdistrict(AreaCatalog.Snapshot s) {
    Map<String, List<CompoundView>> out = new LinkedHashMap<>();
    for (CompoundView c : s.compounds()) {
      String grid = c.gridCodes().isEmpty() ? null : c.gridCodes().get(0);
      if (grid == null) {
        Point p = c.outline().getInteriorPoint();
        grid = s.gridAt(p.getX(), p.getY()).map(AreaView::code).orElse(null);
      }
      if (grid == null) continue;
      s.find(grid).map(s::chain).flatMap(chain -> chain.stream().filter(a -> a.level() == AreaLevel.SUBDISTRICT).findFirst())
          .ifPresent(sub -> out.computeIfAbsent(sub.code(), k -> new ArrayList<>()).add(c));
    }
    return out;
  }
}
