package org.gridwatch.redistrict;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class RedistrictOnPostgisTest extends RedistrictContract {}
