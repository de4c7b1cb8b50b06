package org.gridwatch.staff;

import org.gridwatch.support.OnH2;

@OnH2
class RosterOnH2Test extends RosterContract {}
