package org.gridwatch.notification;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class DispatcherOnPostgisTest extends DispatcherContract {}
