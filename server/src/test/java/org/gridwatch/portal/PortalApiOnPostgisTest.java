package org.gridwatch.portal;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class PortalApiOnPostgisTest extends PortalApiContract {}
