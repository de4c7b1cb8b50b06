package org.gridwatch.replica;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read-only method whose reads may come from the standby: a map layer, a measure, a queue for watching,
 * where an answer a few seconds old is as good as a fresh one. While it runs (and everything it calls), connections
 * come from the standby if one is configured and has replayed the primary's WAL within
 * {@code gridwatch.datasource.replica.max-lag}; otherwise, and for a client that has just written something the
 * standby has not replayed yet, from the primary. Without a replica configured it does nothing.
 *
 * <p>Never put it on a method that writes, or that reads to decide a write: the standby refuses writes, and a
 * decision taken on old data is a wrong decision.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MayLag {}
