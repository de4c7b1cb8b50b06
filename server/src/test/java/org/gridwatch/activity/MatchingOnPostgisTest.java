package org.gridwatch.activity;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class MatchingOnPostgisTest extends MatchingContract {}
