package org.gridwatch.live;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.gridwatch.cluster.ClusterNotifications;
import org.gridwatch.incident.IncidentChanged;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' live stream. After a case change commits, its event goes out on channel {@value #CHANNEL}
 * of the {@link ClusterNotifications} (so that every instance hears it, in-process on the embedded database) and
 * comes back here to be written to every connected emitter of this instance. Events carry ids and statuses only; a boundary
 * commit sends a {@code boundaries} event naming the areas it changed.
 */
@Component
class LiveHub implements org.springframework.context.SmartLifecycle {
  /** What an operator's map and queue need to react: which case, what happened, where. */
  record LiveEvent(String id, String type, String status, String gridCode) {}

  /** Boundaries changed (a planner's commit): the areas to draw again, sent as SSE event {@code boundaries}. */
  record BoundaryEvent(java.util.List<String> boundaries, java.time.Instant at) {}

  private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
  private final JsonMapper json;
  static final String CHANNEL = "gridwatch_live";

  private final ClusterNotifications cluster;

  LiveHub(JsonMapper json, ClusterNotifications cluster) {
    this.json = json;
    this.cluster = cluster;
    cluster.subscribe(CHANNEL, this::deliver);
  }

  SseEmitter connect() {
    SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
    emitters.add(emitter);
    emitter.onCompletion(() -> emitters.remove(emitter));
    emitter.onTimeout(() -> emitters.remove(emitter));
    emitter.onError(e -> emitters.remove(emitter));
    send(emitter, SseEmitter.event().name("hello").data("{\"connected\":true}"));
    return emitter;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void changed(IncidentChanged e) {
    cluster.publish(CHANNEL, json.writeValueAsString(new LiveEvent(e.publicId(), e.type().name(), e.status().name(), e.gridCode())));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void boundariesChanged(org.gridwatch.area.Boundaries.Changed e) {
    cluster.publish(CHANNEL, json.writeValueAsString(new BoundaryEvent(e.codes().stream().sorted().toList(), e.at())));
  }

  /** Keeps idle connections (and the proxies between) open. */
  @Scheduled(fixedRate = 15_000)
  void heartbeat() {
    for (SseEmitter e : emitters) send(e, SseEmitter.event().comment("keep-alive"));
  }

  private void deliver(String payload) {
    String name = payload.startsWith("{\"boundaries\"") ? "boundaries" : "incident";
    for (SseEmitter e : emitters) send(e, SseEmitter.event().name(name).data(payload));
  }

  private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
    } catch (IOException | IllegalStateException e) {
      emitters.remove(emitter);
    }
  }

  int connections() { return emitters.size(); }

  private volatile boolean running;

  @Override
  public void start() { running = true; }

  /** Ends every stream first on shutdown, so graceful shutdown does not wait for streams that never end. */
  @Override
  public void stop() {
    running = false;
    for (SseEmitter e : emitters) e.complete();
    emitters.clear();
  }

  @Override
  public boolean isRunning() { return running; }

  @Override
  public int getPhase() { return Integer.MAX_VALUE; }
}
