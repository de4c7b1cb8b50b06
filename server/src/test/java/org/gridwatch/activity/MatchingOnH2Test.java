package org.gridwatch.activity;

import org.gridwatch.support.OnH2;
import org.springframework.context.annotation.Import;

@OnH2
@Import(MovableClock.Config.class)
class MatchingOnH2Test extends MatchingContract {}
