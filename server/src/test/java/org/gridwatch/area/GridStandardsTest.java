package org.gridwatch.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** gridwatch.grids.* as a deployment writes it: the common band by default, a community's own where it says so. */
class GridStandardsTest {
  static GridStandards bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("gridwatch.grids", GridStandards.class);
  }

  @Test
  void withNothingConfiguredGridsHold300To500HouseholdsAndStringyIsUnder02() {
    GridStandards standards = bind(Map.of());
    assertThat(standards.bandOf("110105001001")).isEqualTo(new HouseholdBand(300, 500));
    assertThat(standards.polsbyPopperWarning()).isEqualTo(0.2);
  }

  @Test
  void aCommunityMayHaveItsOwnBandAndTheRestKeepTheDeployments() {
    GridStandards standards = bind(Map.of(
        "gridwatch.grids.households.low", "350", "gridwatch.grids.households.high", "550",
        "gridwatch.grids.polsby-popper-warning", "0.15",
        "gridwatch.grids.community-households.110105001001.low", "500",
        "gridwatch.grids.community-households.110105001001.high", "800"));
    assertThat(standards.bandOf("110105001001")).isEqualTo(new HouseholdBand(500, 800));
    assertThat(standards.bandOf("110105001002")).isEqualTo(new HouseholdBand(350, 550));
    assertThat(standards.bandOf(null)).isEqualTo(new HouseholdBand(350, 550));
    assertThat(standards.polsbyPopperWarning()).isEqualTo(0.15);
    assertThat(new HouseholdBand(500, 800).contains(700)).isTrue();
    assertThat(new HouseholdBand(300, 500).contains(700)).isFalse();
  }

  @Test
  void anUpsideDownBandOrAWarningOutside0To1StopsTheStart() {
    assertThatThrownBy(() -> bind(Map.of("gridwatch.grids.households.low", "600", "gridwatch.grids.households.high", "500")))
        .hasRootCauseMessage("a household band needs 1 <= low <= high, not 600-500");
    assertThatThrownBy(() -> bind(Map.of("gridwatch.grids.polsby-popper-warning", "2")))
        .hasRootCauseMessage("gridwatch.grids.polsby-popper-warning must lie in 0..1, not 2.0");
  }
}
