package org.gridwatch.deployment;

import org.gridwatch.support.OnEmptyH2;

@OnEmptyH2
class OwnDistrictOnH2Test extends OwnDistrictContract {}
