package org.gridwatch.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The bean exists only when the demo data is enabled ({@code gridwatch.demo-data.enabled}, true unless set false). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "gridwatch.demo-data.enabled", havingValue = "true", matchIfMissing = true)
@interface DemoDataEnabled {}
