package org.gridwatch.area;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class AreaLabelsOnPostgisTest extends AreaLabelsContract {}
