package org.gridwatch.open311;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class Open311OnPostgisTest extends Open311Contract {}
