package org.gridwatch.mediation;

import org.gridwatch.support.OnH2;

@OnH2
class MediationOnH2Test extends MediationContract {}
