package org.gridwatch.need;

import org.gridwatch.support.OnH2;

@OnH2
class NeedsApiOnH2Test extends NeedsApiContract {}
