package org.gridwatch.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/live}: server-sent events of case changes for staff, each only to those who may see the case
 * (their grids, community, subdistrict or department; the command centre and planners all), and boundary changes.
 */
@RestController
class LiveController {
  private final LiveHub hub;
  private final org.gridwatch.incident.Actors actors;

  LiveController(LiveHub hub, org.gridwatch.incident.Actors actors) {
    this.hub = hub;
    this.actors = actors;
  }

  @GetMapping(path = "/api/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live() { return hub.connect(actors.current()); }
}
