package org.gridwatch.incident;

import org.gridwatch.support.OnH2;

@OnH2
class GroupIntakeOnH2Test extends GroupIntakeContract {}
