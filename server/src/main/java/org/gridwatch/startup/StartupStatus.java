package org.gridwatch.startup;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Where start-up is: the stage and step running, how many of the stage's steps are done, and a message in
 * Chinese and English for the pages ("正在导入演示数据 3/6：人员名册 …"). Written by {@link StartupPipeline} only, read by
 * the status endpoint, the health indicator and the filter that answers 503 until {@link Progress#ready()}.
 */
@Component
public class StartupStatus {
  /** The message of a step in both languages. */
  public record Message(String zh, String en) {}

  /**
   * @param stage   {@code loading} (the product's own state), a contributed stage such as {@code demo}, or {@code ready}
   * @param step    the running step's name, null when ready
   * @param done    steps of the stage already finished
   * @param total   steps in the stage
   * @param startedAt when start-up began
   */
  public record Progress(boolean ready, String stage, String step, int done, int total, Message message, Instant startedAt) {}

  private final Instant startedAt = Instant.now();
  private volatile Progress progress =
      new Progress(false, "loading", null, 0, 0, new Message("正在启动 …", "Starting …"), startedAt);

  public Progress progress() { return progress; }

  public boolean ready() { return progress.ready(); }

  void running(String stage, String titleZh, String titleEn, int index, int total, StartupStep step) {
    String n = (index + 1) + "/" + total;
    progress = new Progress(false, stage, step.name(), index, total,
        new Message(titleZh + " " + n + "：" + step.zh() + " …", titleEn + " " + n + ": " + step.en() + " …"), startedAt);
  }

  void finished() {
    progress = new Progress(true, "ready", null, 0, 0, new Message("已就绪", "Ready"), startedAt);
  }
}
