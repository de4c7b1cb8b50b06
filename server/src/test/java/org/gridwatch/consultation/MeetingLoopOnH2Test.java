package org.gridwatch.consultation;

import org.gridwatch.support.OnH2;

@OnH2
class MeetingLoopOnH2Test extends MeetingLoopContract {}
