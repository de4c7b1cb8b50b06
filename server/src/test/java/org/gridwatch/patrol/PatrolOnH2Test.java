package org.gridwatch.patrol;

import org.gridwatch.support.OnH2;

@OnH2
class PatrolOnH2Test extends PatrolContract {}
