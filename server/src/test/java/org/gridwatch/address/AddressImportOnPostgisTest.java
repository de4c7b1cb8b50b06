package org.gridwatch.address;

import org.gridwatch.support.OnPostgis;

@OnPostgis
class AddressImportOnPostgisTest extends AddressImportContract {}
