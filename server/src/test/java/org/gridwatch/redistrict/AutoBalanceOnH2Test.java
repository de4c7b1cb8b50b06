package org.gridwatch.redistrict;

import org.gridwatch.support.OnH2;

@OnH2
class AutoBalanceOnH2Test extends AutoBalanceContract {}
