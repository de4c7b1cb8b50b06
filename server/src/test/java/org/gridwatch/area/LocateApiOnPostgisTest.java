package org.gridwatch.area;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class LocateApiOnPostgisTest extends LocateApiContract {}
