package org.gridwatch.incident;

import org.gridwatch.support.OnH2;

@OnH2
class IntakeAdmissionOnH2Test extends IntakeAdmissionContract {}
