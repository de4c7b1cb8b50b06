package org.gridwatch.patrol;

import java.time.Duration;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.AreaView;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a GPS fix must meet ({@code gridwatch.patrols.*}): {@code max-accuracy-m} (50), {@code clock-skew} (PT2M, how far
 * a phone's clock may run ahead), {@code district-margin-m} (2000: how far outside the district's extent a fix may lie).
 * The extent is the loaded district's, read when asked (it follows an import).
 */
@Component
class PatrolSettings {
  private final AreaCatalog areas;
  private final double maxAccuracyM;
  private final Duration clockSkew;
  private final double marginM;

  PatrolSettings(AreaCatalog areas, @Value("${gridwatch.patrols.max-accuracy-m:50}") double maxAccuracyM,
      @Value("${gridwatch.patrols.clock-skew:PT2M}") Duration clockSkew,
      @Value("${gridwatch.patrols.district-margin-m:2000}") double marginM) {
    this.areas = areas;
    this.maxAccuracyM = maxAccuracyM;
    this.clockSkew = clockSkew;
    this.marginM = marginM;
  }

  /** The rules for the district as loaded now (no district: an empty extent, so every fix lies outside). */
  FixRules rules() {
    List<AreaView> district = areas.isReady() ? areas.now().level(AreaLevel.DISTRICT) : List.of();
    Envelope extent = district.isEmpty() ? new Envelope() : FixRules.grown(district.get(0).boundary().getEnvelopeInternal(), marginM);
    return new FixRules(extent, maxAccuracyM, clockSkew);
  }
}
