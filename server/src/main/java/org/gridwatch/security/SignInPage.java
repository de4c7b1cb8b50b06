package org.gridwatch.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Gridwatch's own sign-in page ({@code /login}, the static {@code login.html}: bilingual, the page shell's language
 * switch) and what it tells a visitor: on the embedded default, that the demo accounts' password was printed in the
 * server log at first start (unless {@code gridwatch.demo-password} chose it).
 */
@Controller
class SignInPage {
  /** What the sign-in page shows besides the form. */
  record SignInHints(boolean demoPasswordInLog) {}

  private final SignInHints hints;

  SignInPage(@Value("${spring.datasource.url:}") String datasourceUrl) {
    this.hints = new SignInHints(datasourceUrl.startsWith("jdbc:h2:"));
  }

  @GetMapping("/login")
  String page() { return "forward:/login.html"; }

  @GetMapping("/api/v1/sign-in")
  @ResponseBody
  SignInHints hints() { return hints; }
}
