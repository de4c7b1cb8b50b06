package org.gridwatch.calendar;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class CalendarApiOnPostgisTest extends CalendarApiContract {}
