package org.gridwatch.notification;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's notification preferences: opt-outs, channel, quiet hours, language. */
@RestController
class PreferenceController {
  private final Preferences preferences;

  PreferenceController(Preferences preferences) { this.preferences = preferences; }

  @GetMapping("/api/v1/notification-preferences")
  PreferenceAnswer mine(Authentication auth) { return preferences.of(auth.getName()); }

  @PutMapping("/api/v1/notification-preferences")
  PreferenceAnswer replace(@RequestBody PreferenceRequest body, Authentication auth) { return preferences.replace(auth.getName(), body); }
}
