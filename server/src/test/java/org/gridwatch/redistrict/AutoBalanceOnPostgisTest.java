package org.gridwatch.redistrict;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class AutoBalanceOnPostgisTest extends AutoBalanceContract {}
