package org.gridwatch.hotline;

import org.gridwatch.support.OnH2;

@OnH2
class HotlineReplyDeliveryOnH2Test extends HotlineReplyDeliveryContract {}
