package org.gridwatch.web;

import org.gridwatch.support.OnH2;

@OnH2
class CorsOnH2Test extends CorsContract {}
