package org.gridwatch.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The organisation an account acts for (its staff: property staff, organisation staff), if any. */
@Component
public class OrganisationStaff {
  private final JdbcTemplate jdbc;

  OrganisationStaff(JdbcTemplate jdbc) { this.jdbc = jdbc; }

  /** The id of the organisation the account acts for. */
  public Optional<Long> organisationOf(String username) {
    List<Long> ids = jdbc.queryForList("SELECT organisation_id FROM organisation_staff WHERE username = ?", Long.class, username);
    return ids.stream().findFirst();
  }
}
