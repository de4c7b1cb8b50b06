package org.gridwatch.address;

import org.gridwatch.support.OnH2;

@OnH2
class AddressImportOnH2Test extends AddressImportContract {}
