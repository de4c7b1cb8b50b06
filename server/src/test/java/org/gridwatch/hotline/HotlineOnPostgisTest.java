package org.gridwatch.hotline;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class HotlineOnPostgisTest extends HotlineContract {}
