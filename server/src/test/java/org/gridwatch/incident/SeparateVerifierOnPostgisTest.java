package org.gridwatch.incident;

import org.gridwatch.support.OnPostgis;
import org.springframework.test.context.TestPropertySource;

/**
 * The setting makes a context of its own, so it gets a schema of its own ({@code verifier}, PostGIS from
 * {@code public}): cleaning it leaves the database the other PostGIS tests share alone.
 */
@OnPostgis
@TestPropertySource(properties = {"gridwatch.incidents.separate-verifier=true",
    "spring.datasource.url=${GRIDWATCH_TEST_PG_URL:jdbc:postgresql://localhost:5432/gridwatch_test}?currentSchema=verifier,public",
    "spring.flyway.schemas=verifier", "spring.flyway.default-schema=verifier", "gridwatch.demo-data.incidents=0"})
class SeparateVerifierOnPostgisTest extends SeparateVerifierContract {}
