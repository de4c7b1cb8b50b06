package org.gridwatch.support;

import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A Spring Boot test against the embedded default, H2GIS in memory, with a real HTTP port. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(MovableClock.Config.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test-h2")
public @interface OnH2 {}
