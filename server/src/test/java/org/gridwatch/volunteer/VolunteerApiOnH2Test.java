package org.gridwatch.volunteer;

import org.gridwatch.support.OnH2;

@OnH2
class VolunteerApiOnH2Test extends VolunteerApiContract {}
