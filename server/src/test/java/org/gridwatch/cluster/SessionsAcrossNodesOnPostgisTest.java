package org.gridwatch.cluster;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class SessionsAcrossNodesOnPostgisTest extends SessionsAcrossNodesContract {}
