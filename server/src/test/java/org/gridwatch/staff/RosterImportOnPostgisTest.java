package org.gridwatch.staff;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class RosterImportOnPostgisTest extends RosterImportContract {}
