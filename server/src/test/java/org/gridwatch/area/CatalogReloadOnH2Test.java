package org.gridwatch.area;

import org.gridwatch.support.OnH2;
import org.springframework.test.context.TestPropertySource;

/** On the in-memory H2GIS database of the irreversible edits (the same context as RestructureOnH2Test). */
@OnH2
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:gridwatch-edit;DB_CLOSE_DELAY=-1")
class CatalogReloadOnH2Test extends CatalogReloadContract {}
