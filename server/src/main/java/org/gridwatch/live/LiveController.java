package org.gridwatch.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /api/v1/live}: server-sent events of case changes, for signed-in staff. */
@RestController
class LiveController {
  private final LiveHub hub;

  LiveController(LiveHub hub) { this.hub = hub; }

  @GetMapping(path = "/api/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live() { return hub.connect(); }
}
