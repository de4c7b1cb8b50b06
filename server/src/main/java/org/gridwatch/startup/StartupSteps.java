package org.gridwatch.startup;

import java.util.List;

/**
 * Steps an optional part of the server (the demo) adds to start-up, run in this order after the product has
 * loaded its own state, as one stage with its own title ("正在导入演示数据" / "Importing the demo data").
 * At most one bean implements it; the product knows nothing of who.
 */
public interface StartupSteps {
  /** The stage's name for logs and clients, e.g. {@code demo}. */
  String stage();

  String titleZh();

  String titleEn();

  List<StartupStep> steps();
}
