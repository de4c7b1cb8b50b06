package org.gridwatch.governance;

import org.gridwatch.support.OnH2;

@OnH2
class MembershipOnH2Test extends MembershipContract {}
