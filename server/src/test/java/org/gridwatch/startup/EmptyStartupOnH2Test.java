package org.gridwatch.startup;

import org.gridwatch.support.OnEmptyH2;

@OnEmptyH2
class EmptyStartupOnH2Test extends EmptyStartupContract {}
