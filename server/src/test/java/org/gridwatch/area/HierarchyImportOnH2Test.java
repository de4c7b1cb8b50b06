package org.gridwatch.area;

import org.gridwatch.support.OnEmptyH2;

@OnEmptyH2
class HierarchyImportOnH2Test extends HierarchyImportContract {}
