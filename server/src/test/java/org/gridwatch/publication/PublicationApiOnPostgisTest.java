package org.gridwatch.publication;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class PublicationApiOnPostgisTest extends PublicationApiContract {}
