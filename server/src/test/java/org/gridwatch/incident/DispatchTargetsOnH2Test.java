package org.gridwatch.incident;

import org.gridwatch.support.OnH2;

@OnH2
class DispatchTargetsOnH2Test extends DispatchTargetsContract {}
