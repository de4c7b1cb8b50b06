package org.gridwatch.media;

import org.gridwatch.support.OnH2;

@OnH2
class MediaOnH2Test extends MediaContract {}
