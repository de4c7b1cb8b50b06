package org.gridwatch.staff;

import org.gridwatch.support.OnH2;

@OnH2
class RosterImportOnH2Test extends RosterImportContract {}
