package org.gridwatch.demo;

import org.gridwatch.support.OnH2;

@OnH2
class DemoPipelineOnH2Test extends DemoPipelineContract {}
