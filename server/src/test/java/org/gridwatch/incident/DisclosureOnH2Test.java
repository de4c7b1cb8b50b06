package org.gridwatch.incident;

import org.gridwatch.support.OnH2;

@OnH2
class DisclosureOnH2Test extends DisclosureContract {}
