package org.gridwatch.hotline;

import org.gridwatch.support.OnH2;

@OnH2
class HotlineOnH2Test extends HotlineContract {}
