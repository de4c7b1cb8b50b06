package org.gridwatch.demo;

import org.gridwatch.support.OnH2;

@OnH2
class DemoConsultationOnH2Test extends DemoConsultationContract {}
