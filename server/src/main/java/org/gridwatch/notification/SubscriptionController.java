package org.gridwatch.notification;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's subscriptions: follow a case or an area (201, or 200 with the one already there), list, end. */
@RestController
class SubscriptionController {
  private final Subscriptions subscriptions;

  SubscriptionController(Subscriptions subscriptions) { this.subscriptions = subscriptions; }

  @PostMapping("/api/v1/subscriptions")
  ResponseEntity<SubscriptionAnswer> follow(@RequestBody SubscriptionRequest body, Authentication auth) {
    Subscriptions.Created c = subscriptions.follow(body, auth);
    return ResponseEntity.status(c.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(c.answer());
  }

  @GetMapping("/api/v1/subscriptions")
  List<SubscriptionAnswer> mine(Authentication auth) { return subscriptions.mine(auth.getName()); }

  @DeleteMapping("/api/v1/subscriptions/{id}")
  ResponseEntity<Void> end(@PathVariable long id, Authentication auth) {
    subscriptions.end(id, auth.getName());
    return ResponseEntity.noContent().build();
  }
}
