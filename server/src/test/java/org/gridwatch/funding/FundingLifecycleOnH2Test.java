package org.gridwatch.funding;

import org.gridwatch.support.OnH2;

@OnH2
class FundingLifecycleOnH2Test extends FundingLifecycleContract {}
