package org.gridwatch.support;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gridwatch.GridwatchApplication;
import org.gridwatch.startup.StartupStep;
import org.gridwatch.startup.StartupSteps;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * A server of its own, held in a start-up step until the test releases it: what a user meets while a real first start
 * imports the demo. Started outside Spring's test context (which would wait for start-up to finish), on the embedded
 * default with an in-memory database of its own and the demo data disabled. The held step is an extra start-up stage
 * ({@code test}, one step {@code hold}) registered as a bean before the context refreshes, so no class is scanned.
 */
public final class HeldStart implements AutoCloseable {
  public static final String STAGE = "test";
  public static final String MESSAGE_ZH = "正在测试启动 1/1：等待测试放行 …";
  public static final String MESSAGE_EN = "Testing start-up 1/1: waiting for the test …";

  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final int port;
  private final Thread thread;
  private volatile ConfigurableApplicationContext context;
  private volatile Throwable failure;

  private HeldStart(String name) throws Exception {
    try (ServerSocket free = new ServerSocket(0)) { port = free.getLocalPort(); }
    StartupSteps held = new Held();
    SpringApplicationBuilder app = new SpringApplicationBuilder(GridwatchApplication.class).profiles("test-h2")
        .initializers(c -> c.getBeanFactory().registerSingleton("heldStartupStep", held));
    // arguments, not default properties: they must win over the test profile's database
    String[] args = {"--server.port=" + port, "--spring.datasource.url=jdbc:h2:mem:held-" + name + ";DB_CLOSE_DELAY=-1",
        "--gridwatch.demo-data.enabled=false"};
    thread = new Thread(() -> {
      try {
        context = app.run(args);
      } catch (Throwable e) {
        failure = e;
        holding.countDown();
      }
    }, "held-start-" + name);
    thread.setDaemon(true);
  }

  /** Starts the server and returns once it is serving and held in the step. */
  public static HeldStart start(String name) throws Exception {
    HeldStart s = new HeldStart(name);
    s.thread.start();
    if (!s.holding.await(3, TimeUnit.MINUTES)) throw new IllegalStateException("the server did not reach the held step");
    if (s.failure != null) throw new IllegalStateException("the server failed to start", s.failure);
    return s;
  }

  public int port() { return port; }

  /** Lets start-up finish and waits until it has. */
  public void releaseAndWait() throws InterruptedException {
    release.countDown();
    thread.join(Duration.ofMinutes(2).toMillis());
    if (failure != null) throw new IllegalStateException("the server failed to start", failure);
  }

  @Override
  public void close() throws InterruptedException {
    release.countDown();
    thread.join(Duration.ofMinutes(2).toMillis());
    if (context != null) context.close();
  }

  private final class Held implements StartupSteps, Ordered {
    @Override public String stage() { return STAGE; }
    @Override public String titleZh() { return "正在测试启动"; }
    @Override public String titleEn() { return "Testing start-up"; }
    @Override public int getOrder() { return Ordered.HIGHEST_PRECEDENCE; }

    @Override
    public List<StartupStep> steps() {
      return List.of(new StartupStep("hold", "等待测试放行", "waiting for the test", () -> {
        holding.countDown();
        try {
          if (!release.await(5, TimeUnit.MINUTES)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        return "released";
      }));
    }
  }
}
