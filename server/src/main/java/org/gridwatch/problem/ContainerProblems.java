package org.gridwatch.problem;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any servlet sees them (a malformed percent-encoding such as {@code %zz}, a
 * control character in a header) are answered by the host's error report valve; this one writes an RFC 9457
 * problem instead of Tomcat's HTML page, so that even those refusals are {@code application/problem+json}.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
        for (Valve v : host.getPipeline().getValves()) {
          if (v instanceof ErrorReportValve && !(v instanceof ProblemReportValve)) host.getPipeline().removeValve(v);
        }
        host.getPipeline().addValve(new ProblemReportValve());
      }
    }));
  }

  static final class ProblemReportValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable failure) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
      boolean zh = ProblemText.chinese(request);
      ProblemText text = status == 404 ? ProblemText.NOT_FOUND : status >= 500 ? ProblemText.INTERNAL : ProblemText.BAD_REQUEST;
      String slug = status == 404 ? "not-found" : status >= 500 ? "internal-error" : "bad-request";
      String reason = response.getMessage() == null || response.getMessage().isBlank() ? "status " + status : response.getMessage();
      String detail = status == 404 ? text.detail(zh, "this address") : status >= 500 ? text.detail(zh) : text.detail(zh, reason);
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write("{\"type\":\"/problems/" + slug + "\",\"title\":\"" + json(text.title(zh)) + "\",\"status\":" + status
              + ",\"detail\":\"" + json(detail) + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response cannot take a body any more: nothing left to tell
      }
    }

    private static String json(String s) {
      StringBuilder out = new StringBuilder();
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') out.append('\\').append(c);
        else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
        else out.append(c);
      }
      return out.toString();
    }
  }
}
