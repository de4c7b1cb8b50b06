package org.gridwatch.live;

import org.gridwatch.support.OnH2;

@OnH2
class LiveOnH2Test extends LiveContract {}
