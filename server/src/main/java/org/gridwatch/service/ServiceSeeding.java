package org.gridwatch.service;

import java.math.BigDecimal;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a prepared set of service points, offers and bookings at once, all marked synthetic (the demo's). Offers name
 * their point, and bookings their offer, by index into the lists given. Runs only on a system without service points.
 */
@Service
public class ServiceSeeding {
  /** A point, already placed in its grid, community and subdistrict. */
  public record Point(String name, PointKind kind, double lon, double lat, String address, String grid, String community,
      String subdistrict, Long organisation, List<WeeklyHours> hours) {}

  /** An offer; {@code point} an index into the points, or null. */
  public record Offer(ServiceKind service, Integer point, long organisation, List<String> areas, BigDecimal price, int noticeHours,
      int slotMinutes, Integer capacity, List<WeeklyHours> officeHours) {}

  /** A booking of the offer at an index; {@code fulfilled} null while open. */
  public record Booking(int offer, Instant at, double lon, double lat, String grid, String community, String subdistrict, String name,
      String phone, Instant createdAt, Boolean fulfilled, Instant fulfilledAt) {}

  private final JdbcTemplate jdbc;
  private final Sequences sequences;

  ServiceSeeding(JdbcTemplate jdbc, Sequences sequences) {
    this.jdbc = jdbc;
    this.sequences = sequences;
  }

  public boolean isEmpty() {
    Integer n = jdbc.queryForObject("SELECT count(*) FROM service_point", Integer.class);
    return n == null || n == 0;
  }

  @Transactional
  public void seed(List<Point> points, List<Offer> offers, List<Booking> bookings, Instant now) {
    List<Long> pointIds = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>(), hours = new ArrayList<>();
    java.util.Iterator<Long> ids = sequences.next("service_point_seq", points.size());
    for (Point p : points) {
      long id = ids.next();
      pointIds.add(id);
      rows.add(new Object[] {id, p.name(), p.kind().name(), p.lon(), p.lat(), p.address(), p.grid(), p.community(), p.subdistrict(),
          p.organisation(), Timestamp.from(now)});
      for (WeeklyHours h : p.hours()) hours.add(new Object[] {id, h.weekday(), Time.valueOf(h.from()), Time.valueOf(h.to())});
    }
    jdbc.batchUpdate("INSERT INTO service_point (id, name, kind, lon, lat, address, grid_code, community_code, subdistrict_code, "
        + "organisation_id, synthetic, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)", rows);
    jdbc.batchUpdate("INSERT INTO service_point_hours (service_point_id, weekday, starts, ends) VALUES (?, ?, ?, ?)", hours);
    List<Long> offerIds = new ArrayList<>();
    List<Object[]> offerRows = new ArrayList<>(), areas = new ArrayList<>(), office = new ArrayList<>();
    ids = sequences.next("service_offer_seq", offers.size());
    for (Offer o : offers) {
      long id = ids.next();
      offerIds.add(id);
      offerRows.add(new Object[] {id, o.service().name(), o.point() == null ? null : pointIds.get(o.point()), o.organisation(), o.price(),
          o.noticeHours(), o.slotMinutes(), o.capacity(), Timestamp.from(now)});
      for (String a : o.areas()) areas.add(new Object[] {id, a});
      for (WeeklyHours h : o.officeHours()) office.add(new Object[] {id, h.weekday(), Time.valueOf(h.from()), Time.valueOf(h.to())});
    }
    jdbc.batchUpdate("INSERT INTO service_offer (id, service, service_point_id, organisation_id, price, notice_hours, slot_minutes, "
        + "capacity, synthetic, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)", offerRows);
    jdbc.batchUpdate("INSERT INTO service_offer_area (offer_id, area_code) VALUES (?, ?)", areas);
    jdbc.batchUpdate("INSERT INTO service_offer_hours (offer_id, weekday, starts, ends) VALUES (?, ?, ?, ?)", office);
    List<Object[]> bookingRows = new ArrayList<>();
    ids = sequences.next("booking_seq", bookings.size());
    for (Booking b : bookings) {
      bookingRows.add(new Object[] {ids.next(), offerIds.get(b.offer()), Timestamp.from(b.at()), b.lon(), b.lat(),
          b.grid(), b.community(), b.subdistrict(), b.name(), b.phone(), Timestamp.from(b.createdAt()), b.fulfilled(),
          b.fulfilledAt() == null ? null : Timestamp.from(b.fulfilledAt()), b.fulfilled() == null ? null : "demo"});
    }
    jdbc.batchUpdate("INSERT INTO booking (id, offer_id, at, lon, lat, grid_code, community_code, subdistrict_code, resident_name, "
        + "resident_phone, booked_by, created_at, fulfilled, fulfilled_at, recorded_by, synthetic) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, ?, ?, ?, TRUE)", bookingRows);
  }
}
