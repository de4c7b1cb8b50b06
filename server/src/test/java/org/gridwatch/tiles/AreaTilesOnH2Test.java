package org.gridwatch.tiles;

import org.gridwatch.support.OnH2;

@OnH2
class AreaTilesOnH2Test extends AreaTilesContract {}
