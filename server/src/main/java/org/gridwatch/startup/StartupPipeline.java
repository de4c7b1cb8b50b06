package org.gridwatch.startup;

import java.util.List;
import org.gridwatch.address.Geocoder;
import org.gridwatch.area.AreaStartup;
import org.gridwatch.coverage.CoverageStartup;
import org.gridwatch.security.FirstAdministrator;
import org.gridwatch.staff.Roster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The server's one start-up pipeline, in this order: the product loads its own state (the area catalog with its
 * locator, then the roster), then the steps of any optional part ({@link StartupSteps}, the demo), then the first
 * administrator, each logged with
 * its progress ("demo 2/7: the roster ... done in 840 ms") and published in {@link StartupStatus}. Until the last step
 * has run, the API answers 503 ({@link StartingUpFilter}) and the pages show the progress. Runs on the start-up
 * thread: Tomcat is already serving by then, so the status is visible from the first request. What is O(buildings) or
 * O(cameras) and not needed to answer (the address index, the coverage engine) is built after ready, in the background.
 */
@Component
class StartupPipeline implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(StartupPipeline.class);

  private final AreaStartup areas;
  private final Roster roster;
  private final ObjectProvider<StartupSteps> optional;
  private final StartupStatus status;
  private final FirstAdministrator administrator;
  private final Geocoder geocoder;
  private final CoverageStartup coverage;
  /** Builds ahead after ready; a daemon, so it never holds the JVM open. */
  private final java.util.concurrent.Executor ahead = r -> {
    Thread t = new Thread(r, "startup-ahead");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  };

  StartupPipeline(AreaStartup areas, Roster roster, ObjectProvider<StartupSteps> optional, StartupStatus status,
      FirstAdministrator administrator, Geocoder geocoder, CoverageStartup coverage) {
    this.coverage = coverage;
    this.geocoder = geocoder;
    this.administrator = administrator;
    this.areas = areas;
    this.roster = roster;
    this.optional = optional;
    this.status = status;
  }

  @Override
  public void run(ApplicationArguments args) {
    long started = System.nanoTime();
    run("loading", "正在加载", "Loading", List.of(
        new StartupStep("areas", "区域与定位索引", "the areas and the locator", areas::load),
        new StartupStep("roster", "人员名册", "the roster", () -> {
          roster.reload();
          return "loaded";
        })));
    optional.orderedStream().forEach(s -> run(s.stage(), s.titleZh(), s.titleEn(), s.steps()));
    // Last, so that the demo's own accounts come first: a deployment that has no administrator gets one.
    run("accounts", "账户", "Accounts", List.of(
        new StartupStep("administrator", "首个管理员", "the first administrator", administrator::ensure)));
    status.finished();
    log.info("Ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    ahead.execute(() -> buildAhead(started));
  }

  /**
   * After ready, on one background thread: what the first request of some kinds would otherwise build (the area and
   * building tile sets' indexes, the address index over every building, the coverage engine over every camera and route). Neither is needed to answer: a
   * search or a coverage figure asked meanwhile builds it on demand (or waits for this build, under the same lock),
   * so answers are never partial, only slower. On a city these are minutes of the start; they run after the demo,
   * which may have stored addresses, cameras and routes.
   */
  private void buildAhead(long started) {
    try {
      run("indexing", "正在建立索引", "Indexing", List.of(
          new StartupStep("addresses", "地址检索索引", "the address index", geocoder::warm),
          new StartupStep("coverage", "天网地网覆盖", "sky-net and ground-net coverage", coverage::warm)));
      log.info("Built ahead {} ms after the start", (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) { // an optimisation only: the first request that needs it builds it
      log.warn("building the indexes ahead failed; each is built when first asked", e);
    }
  }

  private void run(String stage, String titleZh, String titleEn, List<StartupStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      StartupStep step = steps.get(i);
      if (!status.ready()) status.running(stage, titleZh, titleEn, i, steps.size(), step);
      log.info("{} {}/{}: {} ...", stage, i + 1, steps.size(), step.en());
      long t = System.nanoTime();
      String outcome = step.work().get();
      log.info("{} {}/{}: {} ... done in {} ms ({})", stage, i + 1, steps.size(), step.en(), (System.nanoTime() - t) / 1_000_000,
          outcome);
    }
  }
}
