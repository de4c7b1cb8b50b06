package org.gridwatch.coverage;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class PlanningWindowsOnPostgisTest extends PlanningWindowsContract {}
