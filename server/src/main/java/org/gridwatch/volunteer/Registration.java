package org.gridwatch.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.gridwatch.area.AreaCatalog;
import org.gridwatch.area.AreaLevel;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.privacy.Masks;
import org.gridwatch.privacy.PersonalData;
import org.gridwatch.privacy.ResidentIdNumber;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Real-name registration of volunteers and social workers: every field checked before anything is written (a bad
 * one answers 422 naming it, nothing stored), then the person, their skills and availability in one transaction.
 * The same ID number twice is a 409 on {@code idNumber}, also when two registrations race (the unique keyed hash).
 */
@Service
public class Registration {
  private static final String PHONE = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}";

  private final VolunteerStore store;
  private final PersonalData personal;
  private final AreaCatalog areas;
  private final DistrictProfile district;
  private final Clock clock;

  Registration(VolunteerStore store, PersonalData personal, AreaCatalog areas, DistrictProfile district,
      Clock clock) {
    this.store = store;
    this.personal = personal;
    this.areas = areas;
    this.district = district;
    this.clock = clock;
  }

  /**
   * Registers the person (the caller checked the writer may act in {@code homeGrid}); answers their id. {@code username}:
   * the account the person signs in with, if any (a VOLUNTEER account then reads its own record).
   */
  @Transactional
  public long register(RegistrationRequest r, String username) {
    VolunteerStore.NewRow row = checked(r, username);
    if (store.hashTaken(row.idNumberHash())) throw duplicate();
    return insert(List.of(row)).get(0);
  }

  /** A registration with the account the person signs in with (null: none). */
  public record Registrant(RegistrationRequest request, String username) {}

  /**
   * Registers many at once (the demo): each checked as one registration (the first bad one refuses them all), then
   * written in a few batches in one transaction; answers their ids in the order given.
   */
  @Transactional
  public List<Long> registerAll(List<Registrant> people) {
    return insert(people.stream().map(p -> checked(p.request(), p.username())).toList());
  }

  private List<Long> insert(List<VolunteerStore.NewRow> rows) {
    try {
      return store.insertAll(rows, clock.instant());
    } catch (DuplicateKeyException raced) { // the same person in another registration that committed first
      throw duplicate();
    }
  }

  /** The row a valid registration writes, sealed; 422 naming every bad field. */
  private VolunteerStore.NewRow checked(RegistrationRequest r, String username) {
    String id = ResidentIdNumber.normalise(r.idNumber());
    String phone = r.phone().replaceAll("[\\s]", "");
    List<FieldError> errors = new ArrayList<>();
    ResidentIdNumber.problem(id, LocalDate.now(clock.withZone(district.timeZone()))).ifPresent(p ->
        errors.add(new FieldError("idNumber", Text.of(switch (p) {
          case FORMAT -> "volunteer.id-number-format";
          case BIRTH_DATE -> "volunteer.id-number-birth-date";
          case CHECK_DIGIT -> "volunteer.id-number-check-digit";
        }))));
    if (!phone.matches(PHONE)) errors.add(new FieldError("phone", Text.of("volunteer.phone-format")));
    boolean grid = areas.now().find(r.homeGrid()).filter(a -> a.level() == AreaLevel.GRID).isPresent();
    if (!grid) errors.add(new FieldError("homeGrid", Text.of("volunteer.unknown-grid", r.homeGrid())));
    if (r.kind() == VolunteerKind.VOLUNTEER && r.certificateLevel() != null) {
      errors.add(new FieldError("certificateLevel", Text.of("volunteer.certificate-social-workers-only")));
    }
    if (r.kind() == VolunteerKind.SOCIAL_WORKER && r.certificateLevel() == null) {
      errors.add(new FieldError("certificateLevel", Text.of("volunteer.certificate-required")));
    }
    if (r.organisation() != null && !store.organisationExists(r.organisation())) {
      errors.add(new FieldError("organisation", Text.of("volunteer.unknown-organisation", String.valueOf(r.organisation()))));
    }
    errors.addAll(windowErrors("availability", r.availability()));
    if (!errors.isEmpty()) throw unprocessable(errors);
    return new VolunteerStore.NewRow(r.kind(), r.name().strip(), r.homeGrid(), personal.seal(id), personal.lookupHash(id),
        Masks.idNumber(id), personal.seal(phone), Masks.phone(phone), r.starLevel() == null ? 0 : r.starLevel(),
        r.certificateLevel(), r.organisation(), username, skills(r.skills()), r.availability() == null ? List.of() : r.availability());
  }

  /** Whether anyone has registered yet (the demo registers its people into an empty register only). */
  @Transactional(readOnly = true)
  public boolean anyRegistered() { return store.anyRegistered(); }

  /** Skills as tags: trimmed, duplicates dropped, in the order given. */
  static List<String> skills(List<String> given) {
    if (given == null) return List.of();
    return List.copyOf(new LinkedHashSet<>(given.stream().map(String::strip).toList()));
  }

  /** Each window must end after it starts. */
  static List<FieldError> windowErrors(String field, List<Availability> windows) {
    List<FieldError> out = new ArrayList<>();
    if (windows == null) return out;
    for (int i = 0; i < windows.size(); i++) {
      Availability a = windows.get(i);
      if (!a.to().isAfter(a.from())) out.add(new FieldError(field + "[" + i + "].to", Text.of("volunteer.window-order")));
    }
    return out;
  }

  static ProblemException unprocessable(List<FieldError> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-registration", "Invalid registration",
        Text.of("volunteer.invalid-registration"), errors);
  }

  private static ProblemException duplicate() {
    return new ProblemException(HttpStatus.CONFLICT, "duplicate-volunteer", "Already registered",
        Text.of("volunteer.already-registered"), List.of(new FieldError("idNumber", Text.of("volunteer.id-number-registered"))));
  }
}
