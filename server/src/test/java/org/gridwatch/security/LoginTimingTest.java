package org.gridwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Response time must not tell which usernames exist: an unknown username costs the same work as a wrong password,
 * one bcrypt comparison against a hash of the same cost. Counted, not timed, so the test is exact.
 */
class LoginTimingTest {
  /** The real encoder, recording the cost factor of every hash it compares against. */
  static final class CountingEncoder implements PasswordEncoder {
    final BCryptPasswordEncoder real = new BCryptPasswordEncoder();
    final List<String> comparedCosts = new ArrayList<>();

    @Override public String encode(CharSequence raw) { return real.encode(raw); }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
      comparedCosts.add(encoded.substring(4, 6));
      return real.matches(raw, encoded);
    }
  }

  @Test
  void anUnknownUsernameCostsOneBcryptComparisonOfTheSameCostAsAWrongPassword() {
    CountingEncoder encoder = new CountingEncoder();
    String hash = encoder.encode("right");
    var provider = SecurityConfig.accountProvider(name -> {
      if (!name.equals("known")) throw new UsernameNotFoundException("no such user");
      return User.withUsername("known").password(hash).roles("RESIDENT").build();
    }, encoder);
    assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken("known", "wrong")))
        .isInstanceOf(BadCredentialsException.class);
    assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken("unknown", "wrong")))
        .as("the same answer, so the message does not tell either").isInstanceOf(BadCredentialsException.class);
    assertThat(encoder.comparedCosts).hasSize(2);
    assertThat(encoder.comparedCosts.get(1)).isEqualTo(encoder.comparedCosts.get(0)).isEqualTo(hash.substring(4, 6));
  }
}
