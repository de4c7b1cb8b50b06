package org.gridwatch.volunteer;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class VolunteerApiOnPostgisTest extends VolunteerApiContract {}
