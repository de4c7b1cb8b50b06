package org.gridwatch.consultation.measures;

import org.gridwatch.support.OnH2;

@OnH2
class ConsultationMeasuresOnH2Test extends ConsultationMeasuresContract {}
