package org.gridwatch.staff;

import org.gridwatch.problem.Text;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.security.Accounts;
import org.gridwatch.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts for people of the roster: the account is linked to the person, so that their roles decide where they act
 * (a full-time grid member's queue holds their grids' cases). The account's role follows the person's duty.
 */
@Service
class PersonAccounts {
  /** The answer: the account, its role, and the person it acts as (code only: the name is on the roster). */
  record AccountView(String username, Role role, String personCode) {}

  private static final Logger log = LoggerFactory.getLogger(PersonAccounts.class);

  private final PersonRepository persons;
  private final Accounts accounts;

  PersonAccounts(PersonRepository persons, Accounts accounts) {
    this.persons = persons;
    this.accounts = accounts;
  }

  @Transactional
  AccountView create(String personCode, AccountRequest request) {
    Person p = persons.findByCode(personCode).orElseThrow(() ->
        ProblemException.notFound("unknown-person", "Unknown person", Text.of("staff.there-no-person-with-code", personCode)));
    if (p.getUsername() != null) {
      throw new ProblemException(HttpStatus.CONFLICT, "person-has-account", "Person has an account",
          Text.of("staff.person-x-already-signs-as", personCode, p.getUsername()), List.of());
    }
    Role fits = roleFor(p.getDuty());
    if (request.role() != null && request.role() != fits) {
      throw ProblemException.badInput("role", Text.of("staff.person-with-duty-x-acts", p.getDuty(), fits, request.role()));
    }
    persons.findByUsername(request.username()).ifPresent(other -> {
      throw new ProblemException(HttpStatus.CONFLICT, "username-taken", "Username taken",
          Text.of("staff.username-x-linked-another-person", request.username()), List.of(new ProblemException.FieldError("username", Text.of("staff.taken"))));
    });
    accounts.create(request.username(), p.getName(), fits, request.password());
    p.linkAccount(request.username());
    log.info("Account '{}' ({}) created for person {}", request.username(), fits, personCode);
    return new AccountView(request.username(), fits, personCode);
  }

  /** The role whose permissions match what the person does (incident.Permissions pairs them the same way). */
  static Role roleFor(Duty duty) {
    return switch (duty) {
      case GRID_MEMBER -> Role.GRID_WORKER;
      case POLICE_OFFICER -> Role.POLICE;
      case COMMUNITY_STAFF -> Role.COMMUNITY_STAFF;
      case SUBDISTRICT_STAFF -> Role.SUBDISTRICT_STAFF;
      case DEPARTMENT_STAFF -> Role.DEPARTMENT_STAFF;
    };
  }
}
