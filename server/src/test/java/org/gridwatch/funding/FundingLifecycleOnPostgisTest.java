package org.gridwatch.funding;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class FundingLifecycleOnPostgisTest extends FundingLifecycleContract {}
