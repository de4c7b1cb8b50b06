package org.gridwatch.impact;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class ImpactOnPostgisTest extends ImpactContract {}
