package org.gridwatch.open311;

import org.gridwatch.support.OnH2;

@OnH2
class Open311OnH2Test extends Open311Contract {}
