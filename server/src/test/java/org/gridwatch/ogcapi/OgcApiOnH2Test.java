package org.gridwatch.ogcapi;

import org.gridwatch.support.OnH2;

@OnH2
class OgcApiOnH2Test extends OgcApiContract {}
