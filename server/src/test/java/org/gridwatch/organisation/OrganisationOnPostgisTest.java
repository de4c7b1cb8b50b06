package org.gridwatch.organisation;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class OrganisationOnPostgisTest extends OrganisationContract {}
