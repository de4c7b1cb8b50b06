package org.gridwatch.incident;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class IntakeAdmissionOnPostgisTest extends IntakeAdmissionContract {}
