package org.gridwatch.notification;

import org.gridwatch.support.OnH2;

@OnH2
class NotificationApiOnH2Test extends NotificationApiContract {}
