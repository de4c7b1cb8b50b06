package org.gridwatch.coverage;

import org.gridwatch.support.OnH2;

@OnH2
class PlanningWindowsOnH2Test extends PlanningWindowsContract {}
