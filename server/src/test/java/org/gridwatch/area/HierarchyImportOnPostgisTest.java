package org.gridwatch.area;

import org.gridwatch.support.OnEmptyPostgis;

@OnEmptyPostgis
class HierarchyImportOnPostgisTest extends HierarchyImportContract {}
