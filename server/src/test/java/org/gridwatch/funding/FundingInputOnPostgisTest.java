package org.gridwatch.funding;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class FundingInputOnPostgisTest extends FundingInputContract {}
