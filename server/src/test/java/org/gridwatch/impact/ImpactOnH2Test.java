package org.gridwatch.impact;

import org.gridwatch.support.OnH2;

@OnH2
class ImpactOnH2Test extends ImpactContract {}
