package org.gridwatch.publication;

import org.gridwatch.support.OnH2;

@OnH2
class PublicationApiOnH2Test extends PublicationApiContract {}
