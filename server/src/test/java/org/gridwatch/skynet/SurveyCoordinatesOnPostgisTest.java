package org.gridwatch.skynet;

import org.gridwatch.support.OnEmptyPostgis;

@OnEmptyPostgis
class SurveyCoordinatesOnPostgisTest extends SurveyCoordinatesContract {}
