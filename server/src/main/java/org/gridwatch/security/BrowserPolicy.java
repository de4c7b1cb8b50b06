package org.gridwatch.security;

import java.net.URI;

/**
 * The Content-Security-Policy of every page: scripts and styles from this server only (inline style attributes
 * are allowed, which Leaflet sets on every map tile and marker), images also from the configured base-map tile
 * server, no frames, no plugins, forms only to this server.
 */
final class BrowserPolicy {
  private BrowserPolicy() {}

  static String contentSecurityPolicy(String tileUrl) {
    String tiles = tileOrigin(tileUrl);
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
        + (tiles.isEmpty() ? "" : " " + tiles)
        + "; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
  }

  /** The origin of a tile URL template, e.g. {@code https://*.tile.example.org} for {@code https://{s}.tile.example.org/...}. */
  static String tileOrigin(String tileUrl) {
    if (tileUrl == null || tileUrl.isBlank() || "none".equals(tileUrl)) return "";
    try {
      String template = tileUrl.replaceAll("\\{s}", "sub").replaceAll("\\{[^}]*}", "0");
      URI u = URI.create(template);
      if (u.getScheme() == null || u.getHost() == null) return "";
      String host = tileUrl.contains("{s}") ? u.getHost().replaceFirst("^sub", "*") : u.getHost();
      return u.getScheme() + "://" + host + (u.getPort() > 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
