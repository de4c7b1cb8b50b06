package org.gridwatch.startup;

import org.gridwatch.support.OnEmptyPostgis;

@OnEmptyPostgis
class EmptyStartupOnPostgisTest extends EmptyStartupContract {}
