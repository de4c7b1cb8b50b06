package org.gridwatch.area;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class HierarchyOnPostgisTest extends HierarchyStorageContract {
  @Override
  String unionOf(String column) { return "ST_Union(" + column + ")"; }
}
