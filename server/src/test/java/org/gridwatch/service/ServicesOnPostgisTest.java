package org.gridwatch.service;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class ServicesOnPostgisTest extends ServicesContract {}
