package org.gridwatch.ogcapi;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class OgcApiOnPostgisTest extends OgcApiContract {}
