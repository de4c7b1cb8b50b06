package org.gridwatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring Boot test of a deployment that is not the demo, on real PostGIS: {@code gridwatch.demo-data.enabled=false}
 * in a schema of the test class's own inside the {@code GRIDWATCH_TEST_PG_URL} database (PostGIS from {@code public};
 * {@link EmptyDatabases}), cleaned and migrated at context start. The demo's shared schema is never touched.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test-postgis")
@Import(CleanPostgisFirst.class)
@ContextCustomizerFactories(EmptyDatabases.class)
@EnabledIf("org.gridwatch.support.TestEnvironment#postgisAvailable")
public @interface OnEmptyPostgis {}
