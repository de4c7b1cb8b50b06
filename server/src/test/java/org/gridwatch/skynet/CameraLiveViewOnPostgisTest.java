package org.gridwatch.skynet;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class CameraLiveViewOnPostgisTest extends CameraLiveViewContract {}
