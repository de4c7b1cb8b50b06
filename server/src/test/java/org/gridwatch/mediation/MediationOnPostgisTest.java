package org.gridwatch.mediation;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class MediationOnPostgisTest extends MediationContract {}
