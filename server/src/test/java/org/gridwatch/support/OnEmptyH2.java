package org.gridwatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A Spring Boot test of a deployment that is not the demo: the embedded default with
 * {@code gridwatch.demo-data.enabled=false}, on an in-memory H2GIS database of the test class's own
 * ({@link EmptyDatabases}), so imports into an empty system never meet the demo or another class's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test-h2")
@ContextCustomizerFactories(EmptyDatabases.class)
public @interface OnEmptyH2 {}
