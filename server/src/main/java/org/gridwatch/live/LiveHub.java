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
  /**
   * What an operator's map and queue need to react: which case, what happened, where, who holds it; and whether the
   * SLA clock just found its deadline passed (the console's overdue alarm).
   */
  record LiveEvent(String id, String type, String status, String gridCode, String communityCode, String subdistrictCode,
      String level, String unitCode, boolean deadlinePassed) {
    org.gridwatch.incident.CasePlace place() {
      return new org.gridwatch.incident.CasePlace(gridCode, communityCode, subdistrictCode,
          level == null ? null : org.gridwatch.incident.Level.valueOf(level), unitCode);
    }
  }

  /** A connected stream and whose it is: a case event reaches it only if that staff member may see the case. */
  private record Listener(SseEmitter emitter, org.gridwatch.incident.Actor actor) {}

  /** Boundaries changed (a planner's commit): the areas to draw again, sent as SSE event {@code boundaries}. */
  record BoundaryEvent(java.util.List<String> boundaries, java.time.Instant at) {}

  private final List<Listener> emitters = new CopyOnWriteArrayList<>();
  private final JsonMapper json;
  static final String CHANNEL = "gridwatch_live";

  private final ClusterNotifications cluster;

  LiveHub(JsonMapper json, ClusterNotifications cluster) {
    this.json = json;
    this.cluster = cluster;
    cluster.subscribe(CHANNEL, this::deliver);
  }

  SseEmitter connect(org.gridwatch.incident.Actor actor) {
    SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
    Listener listener = new Listener(emitter, actor);
    emitters.add(listener);
    emitter.onCompletion(() -> emitters.remove(listener));
    emitter.onTimeout(() -> emitters.remove(listener));
    emitter.onError(e -> emitters.remove(listener));
    send(listener, SseEmitter.event().name("hello").data("{\"connected\":true}"));
    return emitter;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void changed(IncidentChanged e) {
    var p = e.place();
    cluster.publish(CHANNEL, json.writeValueAsString(new LiveEvent(e.publicId(), e.type().name(), e.status().name(),
        p.gridCode(), p.communityCode(), p.subdistrictCode(), p.level() == null ? null : p.level().name(), p.unitCode(),
        e.deadlinePassed())));
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void boundariesChanged(org.gridwatch.area.Boundaries.Changed e) {
    cluster.publish(CHANNEL, json.writeValueAsString(new BoundaryEvent(e.codes().stream().sorted().toList(), e.at())));
  }

  /** Keeps idle connections (and the proxies between) open. */
  @Scheduled(fixedRate = 15_000)
  void heartbeat() {
    for (Listener l : emitters) send(l, SseEmitter.event().comment("keep-alive"));
  }

  /** Boundary changes go to everyone (boundaries are public); a case change only to staff who may see the case. */
  private void deliver(String payload) {
    if (payload.startsWith("{\"boundaries\"")) {
      for (Listener l : emitters) send(l, SseEmitter.event().name("boundaries").data(payload));
      return;
    }
    org.gridwatch.incident.CasePlace place = json.readValue(payload, LiveEvent.class).place();
    for (Listener l : emitters) {
      if (place.visibleTo(l.actor())) send(l, SseEmitter.event().name("incident").data(payload));
    }
  }

  private void send(Listener listener, SseEmitter.SseEventBuilder event) {
    try {
      listener.emitter().send(event);
    } catch (IOException | IllegalStateException e) {
      emitters.remove(listener);
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
    for (Listener l : emitters) l.emitter().complete();
    emitters.clear();
  }

  @Override
  public boolean isRunning() { return running; }

  @Override
  public int getPhase() { return Integer.MAX_VALUE; }
}
