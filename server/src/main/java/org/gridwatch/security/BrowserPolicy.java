package org.gridwatch.security;

import java.util.Collection;

/**
 * The Content-Security-Policy of every page: scripts and styles from this server only (inline style attributes
 * are allowed, which Leaflet sets on every map tile and marker), images also from the tile servers of the offered
 * base maps (each subdomain named, no wildcard), no frames, no plugins, forms only to this server.
 */
final class BrowserPolicy {
  private BrowserPolicy() {}

  static String contentSecurityPolicy(Collection<String> tileOrigins) {
    String tiles = String.join(" ", tileOrigins);
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
        + (tiles.isEmpty() ? "" : " " + tiles)
        + "; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";
  }
}
