package org.gridwatch.consultation;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class MeetingLoopOnPostgisTest extends MeetingLoopContract {}
