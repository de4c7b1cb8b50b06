package org.gridwatch.media;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class MediaOnPostgisTest extends MediaContract {}
