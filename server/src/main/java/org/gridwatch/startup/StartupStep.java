package org.gridwatch.startup;

import java.util.function.Supplier;

/**
 * One step of the server's start-up: a short name for logs and clients, what it does in Chinese and English
 * (shown on every page while it runs), and the work, which answers what it did ("1,103 grids", "already there").
 * A step must be idempotent: it runs on every start and skips what an earlier start already did.
 */
public record StartupStep(String name, String zh, String en, Supplier<String> work) {}
