package org.gridwatch.staff;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty roster in one go (the demo's generated one): people, teams and who holds which slot of which grid
 * from {@code validFrom}, written in one transaction, then the in-memory roster reloaded. Nothing is checked beyond
 * what the database enforces: the caller made the data.
 */
@Component
public class RosterSeeding {
  /** A person; {@code account}, when not null, is the username that acts as this person. */
  public record NewPerson(String code, String name, Duty duty, String unitCode, String phone, String account) {}

  /** A team; {@code kind} is {@link Slot#PATROL_TEAM} or {@link Slot#VOLUNTEER_TEAM}. */
  public record NewTeam(String code, String name, Slot kind, String unitCode) {}

  /** A grid's slot held by a person ({@code personCode}) or a team ({@code teamCode}). */
  public record NewAssignment(String gridCode, Slot slot, String personCode, String teamCode) {}

  private final EntityManager em;
  private final TransactionTemplate tx;
  private final PersonRepository persons;
  private final Roster roster;

  RosterSeeding(EntityManager em, TransactionTemplate tx, PersonRepository persons, Roster roster) {
    this.em = em;
    this.tx = tx;
    this.persons = persons;
    this.roster = roster;
  }

  public boolean isEmpty() { return persons.count() == 0; }

  /** Stores them all, marked synthetic, or nothing; then reloads the roster. */
  public void seed(List<NewPerson> people, List<NewTeam> teams, List<NewAssignment> assignments, Instant validFrom) {
    tx.executeWithoutResult(s -> {
      Map<String, Person> personByCode = new HashMap<>();
      for (NewPerson n : people) {
        Person p = new Person(n.code(), n.name(), n.duty(), n.unitCode(), n.phone(), true);
        if (n.account() != null) p.linkAccount(n.account());
        em.persist(p);
        personByCode.put(n.code(), p);
      }
      Map<String, Team> teamByCode = new HashMap<>();
      for (NewTeam n : teams) {
        Team t = new Team(n.code(), n.name(), n.kind() == Slot.PATROL_TEAM ? Team.Kind.PATROL : Team.Kind.VOLUNTEER,
            n.unitCode(), true);
        em.persist(t);
        teamByCode.put(n.code(), t);
      }
      for (NewAssignment a : assignments) {
        em.persist(new GridAssignment(a.gridCode(), a.slot(), a.personCode() == null ? null : personByCode.get(a.personCode()),
            a.teamCode() == null ? null : teamByCode.get(a.teamCode()), validFrom));
      }
      em.flush();
    });
    roster.reload();
  }
}
