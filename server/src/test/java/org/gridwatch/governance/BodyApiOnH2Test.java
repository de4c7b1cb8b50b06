package org.gridwatch.governance;

import org.gridwatch.support.OnH2;

@OnH2
class BodyApiOnH2Test extends BodyApiContract {}
