package org.gridwatch.skynet;

import org.gridwatch.support.OnEmptyH2;

@OnEmptyH2
class SurveyCoordinatesOnH2Test extends SurveyCoordinatesContract {}
