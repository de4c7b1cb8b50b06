package org.gridwatch.area;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class LocatorOnPostgisTest extends LocatorAgreesWithDatabaseContract {
  @Override
  void createSpatialIndex() {
    jdbc.execute("create index locate_probe_geom on locate_probe using gist (geom)");
    jdbc.execute("analyze locate_probe");
  }
}
