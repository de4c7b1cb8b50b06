package org.gridwatch.funding;

import org.gridwatch.support.OnH2;

@OnH2
class FundingInputOnH2Test extends FundingInputContract {}
