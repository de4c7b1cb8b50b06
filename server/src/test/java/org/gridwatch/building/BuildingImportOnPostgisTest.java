package org.gridwatch.building;

import org.gridwatch.support.OnEmptyPostgis;

@OnEmptyPostgis
class BuildingImportOnPostgisTest extends BuildingImportContract {}
