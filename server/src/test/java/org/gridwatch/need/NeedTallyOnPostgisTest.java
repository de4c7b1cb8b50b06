package org.gridwatch.need;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class NeedTallyOnPostgisTest extends NeedTallyContract {}
