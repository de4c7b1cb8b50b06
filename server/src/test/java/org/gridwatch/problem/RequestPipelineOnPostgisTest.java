package org.gridwatch.problem;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class RequestPipelineOnPostgisTest extends RequestPipelineContract {}
