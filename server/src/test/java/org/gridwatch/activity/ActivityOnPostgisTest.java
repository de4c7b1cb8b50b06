package org.gridwatch.activity;

import org.gridwatch.support.OnPostgis;
import org.springframework.context.annotation.Import;

@OnPostgis
@Import(MovableClock.Config.class)
class ActivityOnPostgisTest extends ActivityContract {}
