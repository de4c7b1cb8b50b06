package org.gridwatch.staff;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class RosterOnPostgisTest extends RosterContract {}
