package org.gridwatch.area;

import org.gridwatch.support.OnH2;

@OnH2
class DistrictApiOnH2Test extends DistrictApiContract {}
