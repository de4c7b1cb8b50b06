package org.gridwatch.area;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class DistrictApiOnPostgisTest extends DistrictApiContract {}
