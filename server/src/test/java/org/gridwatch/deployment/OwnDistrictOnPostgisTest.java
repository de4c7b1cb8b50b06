package org.gridwatch.deployment;

import org.gridwatch.support.OnEmptyPostgis;

@OnEmptyPostgis
class OwnDistrictOnPostgisTest extends OwnDistrictContract {}
