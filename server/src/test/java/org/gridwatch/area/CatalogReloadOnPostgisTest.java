package org.gridwatch.area;

import org.gridwatch.support.OnPostgis;
import org.springframework.test.context.TestPropertySource;

/** On the PostGIS database of the irreversible edits (the same context as RestructureOnPostgisTest). */
@OnPostgis
@TestPropertySource(properties = "spring.datasource.url=${GRIDWATCH_TEST_PG_EDIT_URL:jdbc:postgresql://localhost:5432/gridwatch_edit_test}")
class CatalogReloadOnPostgisTest extends CatalogReloadContract {}
