package org.gridwatch.organisation;

import org.gridwatch.support.OnH2;

@OnH2
class OrganisationOnH2Test extends OrganisationContract {}
