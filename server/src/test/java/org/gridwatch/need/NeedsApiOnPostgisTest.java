package org.gridwatch.need;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class NeedsApiOnPostgisTest extends NeedsApiContract {}
