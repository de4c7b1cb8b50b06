package org.gridwatch.web;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class CorsOnPostgisTest extends CorsContract {}
