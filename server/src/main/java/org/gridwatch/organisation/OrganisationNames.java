package org.gridwatch.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An organisation's name and kind by its id: what other capabilities show of an organisation (no contact details). */
@Component
public class OrganisationNames {
  /** An organisation as others name it; {@code kind} is its code (PROPERTY_COMPANY, LAW_FIRM, …). */
  public record Named(long id, String name, String kind) {}

  private final JdbcTemplate jdbc;

  OrganisationNames(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  public Optional<Named> find(long id) {
    List<Named> found = jdbc.query("SELECT id, name, kind FROM organisation WHERE id = ?",
        (rs, i) -> new Named(rs.getLong(1), rs.getString(2), rs.getString(3)), id);
    return found.stream().findFirst();
  }
}
