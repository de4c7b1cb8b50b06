package org.gridwatch.notification;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class NotificationApiOnPostgisTest extends NotificationApiContract {}
