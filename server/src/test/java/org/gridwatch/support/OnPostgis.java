package org.gridwatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring Boot test against real PostGIS ({@code GRIDWATCH_TEST_PG_URL}), cleaned and migrated at context
 * start, with a real HTTP port. Runs whenever PostGIS is configured, and always on CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test-postgis")
@Import({CleanPostgisFirst.class, MovableClock.Config.class})
@EnabledIf("org.gridwatch.support.TestEnvironment#postgisAvailable")
public @interface OnPostgis {}
