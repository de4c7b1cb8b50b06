package org.gridwatch.service;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which service answers a case category: a resident request of that category can become a booking of the service. */
@Component
class CategoryServices {
  /** A category and the service that answers it. */
  record Mapping(String category, ServiceKind service) {}

  private final JdbcTemplate jdbc;

  CategoryServices(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  Optional<ServiceKind> serviceOf(String category) {
    return jdbc.queryForList("SELECT service FROM category_service WHERE category_code = ?", String.class, category).stream()
        .findFirst().map(ServiceKind::valueOf);
  }

  List<Mapping> all() {
    return jdbc.query("SELECT category_code, service FROM category_service ORDER BY category_code",
        (rs, i) -> new Mapping(rs.getString(1), ServiceKind.valueOf(rs.getString(2))));
  }

  /** Maps a category (which must exist: the foreign key refuses others) to a service, or unmaps it (null). */
  @Transactional
  void put(String category, ServiceKind service) {
    jdbc.update("DELETE FROM category_service WHERE category_code = ?", category);
    if (service != null) jdbc.update("INSERT INTO category_service (category_code, service) VALUES (?, ?)", category, service.name());
  }
}
