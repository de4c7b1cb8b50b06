package org.gridwatch.patrol;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class PatrolOnPostgisTest extends PatrolContract {}
