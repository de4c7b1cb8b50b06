package org.gridwatch.skynet;

import org.gridwatch.support.OnH2;

@OnH2
class CameraLiveViewOnH2Test extends CameraLiveViewContract {}
