package org.gridwatch.calendar;

import org.gridwatch.support.OnH2;

@OnH2
class CalendarApiOnH2Test extends CalendarApiContract {}
