package org.gridwatch.demo;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class DemoConsultationOnPostgisTest extends DemoConsultationContract {}
