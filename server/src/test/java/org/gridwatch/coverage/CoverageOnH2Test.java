package org.gridwatch.coverage;

import org.gridwatch.support.OnH2;

@OnH2
class CoverageOnH2Test extends CoverageContract {}
