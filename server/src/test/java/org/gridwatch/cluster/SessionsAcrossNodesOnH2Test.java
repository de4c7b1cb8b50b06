package org.gridwatch.cluster;

import org.gridwatch.support.OnH2;

/** Both nodes in one JVM on the same in-memory H2GIS database (an H2 file cannot be opened by two processes). */
@OnH2
class SessionsAcrossNodesOnH2Test extends SessionsAcrossNodesContract {}
