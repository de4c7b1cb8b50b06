package org.gridwatch.area;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the deployment expects of a grid ({@code gridwatch.grids.*}): the household band (300–500 by default, the
 * common rule; real grids run to 700+, so a community may have its own band) and the Polsby-Popper score under which
 * an outline is warned about as stringy.
 *
 * <pre>
 * gridwatch.grids.households.low=300
 * gridwatch.grids.households.high=500
 * gridwatch.grids.polsby-popper-warning=0.2
 * gridwatch.grids.community-households.110105001001.low=500     # one community's own band
 * gridwatch.grids.community-households.110105001001.high=800
 * </pre>
 */
@ConfigurationProperties("gridwatch.grids")
public record GridStandards(HouseholdBand households, Double polsbyPopperWarning,
    Map<String, HouseholdBand> communityHouseholds) {
  public GridStandards {
    if (households == null) households = new HouseholdBand(300, 500);
    if (polsbyPopperWarning == null) polsbyPopperWarning = 0.2;
    if (polsbyPopperWarning < 0 || polsbyPopperWarning > 1) {
      throw new IllegalStateException("gridwatch.grids.polsby-popper-warning must lie in 0..1, not " + polsbyPopperWarning);
    }
    communityHouseholds = communityHouseholds == null ? Map.of() : Map.copyOf(new TreeMap<>(communityHouseholds));
  }

  /** The band of grids in this community: its own when configured, else the deployment's. */
  public HouseholdBand bandOf(String communityCode) {
    return communityCode == null ? households : communityHouseholds.getOrDefault(communityCode, households);
  }
}
