package org.gridwatch.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code gridwatch.max-request-bytes} (default 4 MB) with a 413 problem, before
 * anything reads them: by the declared Content-Length, or, for chunked bodies, as soon as the limit is
 * crossed while reading. Multipart uploads have their own, larger limit (spring.servlet.multipart).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {
  private final long maxBytes;

  RequestSizeLimit(@Value("${gridwatch.max-request-bytes:4194304}") long maxBytes) { this.maxBytes = maxBytes; }

  /** Thrown while reading a chunked body that grew past the limit. */
  static final class TooLarge extends ProblemException {
    TooLarge(long max) {
      super(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
          "the request body is larger than " + max + " bytes", java.util.List.of(new FieldError("body", "larger than " + max + " bytes")));
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean multipart = type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    if (multipart) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"type\":\"/problems/body-too-large\",\"title\":\"Request body too large\",\"status\":413,"
          + "\"detail\":\"the request body is larger than " + maxBytes + " bytes\",\"instance\":\"" + request.getRequestURI()
          .replace("\"", "") + "\",\"errors\":[{\"field\":\"body\",\"reason\":\"larger than " + maxBytes + " bytes\"}]}");
      return;
    }
    chain.doFilter(request.getContentLengthLong() < 0 ? new Counting(request, maxBytes) : request, response);
  }

  private static final class Counting extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    Counting(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) stream = new CountingStream(super.getInputStream(), max);
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private long read;

    CountingStream(ServletInputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    private int count(int n) {
      if (n > 0 && (read += n) > max) throw new TooLarge(max);
      return n;
    }

    @Override public int read() throws IOException { int b = in.read(); if (b >= 0) count(1); return b; }
    @Override public int read(byte[] b, int off, int len) throws IOException { return count(in.read(b, off, len)); }
    @Override public boolean isFinished() { return in.isFinished(); }
    @Override public boolean isReady() { return in.isReady(); }
    @Override public void setReadListener(ReadListener listener) { in.setReadListener(listener); }
  }
}
