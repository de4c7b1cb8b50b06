package org.gridwatch.consultation.measures;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class ConsultationMeasuresOnPostgisTest extends ConsultationMeasuresContract {}
