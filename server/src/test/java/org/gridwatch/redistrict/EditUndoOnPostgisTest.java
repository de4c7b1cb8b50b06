package org.gridwatch.redistrict;

import org.gridwatch.support.OnPostgis;
import org.springframework.test.context.TestPropertySource;

/** On a PostGIS database of its own (GRIDWATCH_TEST_PG_EDIT_URL; .ci/run creates it). */
@OnPostgis
@TestPropertySource(properties = "spring.datasource.url=${GRIDWATCH_TEST_PG_EDIT_URL:jdbc:postgresql://localhost:5432/gridwatch_edit_test}")
class EditUndoOnPostgisTest extends EditUndoContract {}
