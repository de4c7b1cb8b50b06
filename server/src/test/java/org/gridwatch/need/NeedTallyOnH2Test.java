package org.gridwatch.need;

import org.gridwatch.support.OnH2;

@OnH2
class NeedTallyOnH2Test extends NeedTallyContract {}
