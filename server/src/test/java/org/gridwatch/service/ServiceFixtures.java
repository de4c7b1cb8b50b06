package org.gridwatch.service;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.gridwatch.support.DemoFiles;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the service tests set up: organisations (plain SQL on the foundation's columns), places in demo grids, a photo. */
final class ServiceFixtures {
  private ServiceFixtures() {}

  /** A new organisation of a kind, with a made-up credit code unique to this run: its id. */
  static long organisation(JdbcTemplate jdbc, String name, String kind) {
    long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    String code = String.format(Locale.ROOT, "9137%014d", id).substring(0, 18);
    jdbc.update("INSERT INTO organisation (id, credit_code, name, kind, created_at) VALUES (?, ?, ?, ?, ?)", id, code, name, kind,
        java.sql.Timestamp.from(Instant.now()));
    return id;
  }

  /** A point well inside a demo grid, a little apart from other tests' points. */
  static Point inside(String grid) {
    DemoFiles.Feature g = DemoFiles.read("grids").stream().filter(f -> f.code().equals(grid)).findFirst().orElseThrow();
    MaximumInscribedCircle circle = new MaximumInscribedCircle(g.geometry(), 1e-6);
    Point c = circle.getCenter();
    double r = circle.getRadiusLine().getLength() / 2;
    double dx = ThreadLocalRandom.current().nextDouble(-r, r) / 2, dy = ThreadLocalRandom.current().nextDouble(-r, r) / 2;
    return c.getFactory().createPoint(new org.locationtech.jts.geom.Coordinate(round(c.getX() + dx), round(c.getY() + dy)));
  }

  /** The first demo grid of another community than {@code grid}'s. */
  static String gridElsewhere(String grid) {
    return DemoFiles.read("grids").stream().map(DemoFiles.Feature::code).filter(c -> !c.startsWith(grid.substring(0, 12)))
        .findFirst().orElseThrow();
  }

  static String lonLat(Point p) { return String.format(Locale.ROOT, "\"lon\":%.7f,\"lat\":%.7f", p.getX(), p.getY()); }

  static byte[] png(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, w / 2, h / 2);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double round(double v) { return Math.round(v * 1e7) / 1e7; }
}
