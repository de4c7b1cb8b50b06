package org.gridwatch.volunteer;

import org.gridwatch.support.OnH2;

@OnH2
class VolunteerTeamsAndDensityOnH2Test extends VolunteerTeamsAndDensityContract {}
