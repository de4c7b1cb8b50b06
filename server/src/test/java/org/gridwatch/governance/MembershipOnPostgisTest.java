package org.gridwatch.governance;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class MembershipOnPostgisTest extends MembershipContract {}
