package org.gridwatch.activity;

import org.gridwatch.support.OnH2;

@OnH2
class MatchingOnH2Test extends MatchingContract {}
