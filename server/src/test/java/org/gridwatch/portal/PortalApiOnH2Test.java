package org.gridwatch.portal;

import org.gridwatch.support.OnH2;

@OnH2
class PortalApiOnH2Test extends PortalApiContract {}
