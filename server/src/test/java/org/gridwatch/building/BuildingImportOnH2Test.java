package org.gridwatch.building;

import org.gridwatch.support.OnEmptyH2;

@OnEmptyH2
class BuildingImportOnH2Test extends BuildingImportContract {}
