package org.gridwatch.coverage;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class CoverageOnPostgisTest extends CoverageContract {}
