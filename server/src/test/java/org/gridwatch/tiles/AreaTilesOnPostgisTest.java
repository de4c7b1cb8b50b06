package org.gridwatch.tiles;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class AreaTilesOnPostgisTest extends AreaTilesContract {}
