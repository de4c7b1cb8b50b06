package org.gridwatch.replica;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Read-your-writes across the standby: a successful unsafe request (POST, PUT, PATCH, DELETE) answers with a cookie
 * holding the primary's WAL position once its transaction has committed; a later request carrying a position the
 * standby has not replayed yet is pinned to the primary, so the writer sees their own write even on a lagging map.
 *
 * <p>Why a cookie and not the session: residents report without signing in (no session), any node can answer the next
 * request (nothing kept in one node's memory), and it costs the session store nothing. A forged or stale value can only
 * send its own client's reads to the primary. It lives {@code max-lag} (plus a second): by then the standby is either
 * fresh, and so has replayed every write older than {@code max-lag}, or not fresh, and every read goes to the primary
 * anyway. Clients without cookies (Open311 apps) read their own cases through APIs that never lag.
 */
final class ReadYourWrites extends OncePerRequestFilter {
  static final String COOKIE = "gridwatch-wal";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final StandbyFreshness freshness;
  private final Duration lifetime;

  ReadYourWrites(StandbyFreshness freshness, Duration maxLag) {
    this.freshness = freshness;
    this.lifetime = maxLag.plusSeconds(1);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long written = writtenPosition(request);
    if (written >= 0 && written > freshness.replayed()) ReadRoute.pinToPrimary();
    if (SAFE.contains(request.getMethod())) {
      try {
        chain.doFilter(request, response);
      } finally {
        ReadRoute.unpin();
      }
      return;
    }
    RememberPosition remembering = new RememberPosition(response);
    try {
      chain.doFilter(request, remembering);
      remembering.remember(); // an answer with no body (204) is committed only after the chain
    } finally {
      ReadRoute.unpin();
    }
  }

  private static long writtenPosition(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) return -1;
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName())) {
        try {
          return Long.parseLong(c.getValue());
        } catch (NumberFormatException e) {
          return -1; // not ours: ignored
        }
      }
    }
    return -1;
  }

  /**
   * Adds the cookie just before the answer's body or redirect can leave, which is after the write committed (the
   * controller has returned; its status is set by then). An error answer remembers nothing.
   */
  private final class RememberPosition extends HttpServletResponseWrapper {
    private boolean done;

    RememberPosition(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      remember();
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      remember();
      return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      remember();
      super.flushBuffer();
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      remember();
      super.sendRedirect(location);
    }

    @Override
    public void sendError(int sc) throws IOException {
      done = true;
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      done = true;
      super.sendError(sc, msg);
    }

    void remember() {
      if (done || isCommitted()) return;
      done = true;
      if (getStatus() >= 400) return; // nothing was written
      long position;
      try {
        position = freshness.primaryPosition();
      } catch (SQLException | RuntimeException e) {
        position = Long.MAX_VALUE; // unknown: the primary for the whole lifetime
      }
      addHeader("Set-Cookie", ResponseCookie.from(COOKIE, Long.toString(position)).path("/").httpOnly(true)
          .sameSite("Lax").maxAge(lifetime).build().toString());
    }
  }
}
