package org.gridwatch.volunteer;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class VolunteerTeamsAndDensityOnPostgisTest extends VolunteerTeamsAndDensityContract {}
