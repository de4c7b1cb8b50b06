package org.gridwatch.need;

import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The request categories a need may name: the case catalogue's codes. An unknown code is a 400 naming the field. */
@Component
class NeedCategories {
  private final JdbcTemplate jdbc;

  NeedCategories(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** The code as given (stripped), or null when blank and {@code required} is false. */
  String check(String code, String field, boolean required) {
    if (code == null || code.isBlank()) {
      if (required) throw ProblemException.badInput(field, Text.of("need.category-required"));
      return null;
    }
    String c = code.strip();
    if (c.length() > 30 || !exists(c)) throw ProblemException.badInput(field, Text.of("need.unknown-category", c));
    return c;
  }

  boolean exists(String code) {
    List<Integer> hit = jdbc.queryForList("SELECT 1 FROM category WHERE code = ?", Integer.class, code);
    return !hit.isEmpty();
  }
}
