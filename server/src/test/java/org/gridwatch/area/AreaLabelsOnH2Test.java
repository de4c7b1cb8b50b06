package org.gridwatch.area;

import org.gridwatch.support.OnH2;

@OnH2
class AreaLabelsOnH2Test extends AreaLabelsContract {}
