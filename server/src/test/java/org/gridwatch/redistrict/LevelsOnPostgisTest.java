package org.gridwatch.redistrict;

import org.gridwatch.support.OnPostgis;
import org.springframework.test.context.TestPropertySource;

/** On the PostGIS edit database (GRIDWATCH_TEST_PG_EDIT_URL; .ci/run creates it), shared with RestructureOnPostgisTest. */
@OnPostgis
@TestPropertySource(properties = "spring.datasource.url=${GRIDWATCH_TEST_PG_EDIT_URL:jdbc:postgresql://localhost:5432/gridwatch_edit_test}")
class LevelsOnPostgisTest extends LevelsContract {}
