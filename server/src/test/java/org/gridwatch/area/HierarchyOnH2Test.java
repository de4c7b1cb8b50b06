package org.gridwatch.area;

import org.gridwatch.support.OnH2;

@OnH2
class HierarchyOnH2Test extends HierarchyStorageContract {
  @Override
  String unionOf(String column) { return "ST_Union(ST_Accum(" + column + "))"; }
}
