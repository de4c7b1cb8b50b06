package org.gridwatch.redistrict;

import org.gridwatch.support.OnPostgis;
import org.springframework.test.context.TestPropertySource;

/** On the PostGIS database the other irreversible edits use (GRIDWATCH_TEST_PG_EDIT_URL). */
@OnPostgis
@TestPropertySource(properties = "spring.datasource.url=${GRIDWATCH_TEST_PG_EDIT_URL:jdbc:postgresql://localhost:5432/gridwatch_edit_test}")
class EditsPropertyOnPostgisTest extends EditsPropertyContract {}
