package org.gridwatch.redistrict;

import org.gridwatch.support.OnH2;

@OnH2
class RedistrictOnH2Test extends RedistrictContract {}
