package org.gridwatch.area;

import org.gridwatch.support.OnH2;

@OnH2
class LocatorOnH2Test extends LocatorAgreesWithDatabaseContract {
  @Override
  void createSpatialIndex() { jdbc.execute("create spatial index locate_probe_geom on locate_probe (geom)"); }
}
