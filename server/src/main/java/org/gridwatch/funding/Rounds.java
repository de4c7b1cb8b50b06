package org.gridwatch.funding;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridwatch.area.DistrictProfile;
import org.gridwatch.funding.FundingAnswers.CriterionView;
import org.gridwatch.funding.FundingAnswers.Round;
import org.gridwatch.funding.FundingRequests.Criterion;
import org.gridwatch.funding.FundingRequests.NewRound;
import org.gridwatch.problem.ProblemException;
import org.gridwatch.problem.ProblemException.FieldError;
import org.gridwatch.problem.Text;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funding rounds: opened by the funder with their phase dates and weighted review criteria, read by anyone with the
 * phase they are in today (in the district's time zone).
 */
@Service
public class Rounds {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private static final String COLUMNS = "id, fiscal_year, kind, title, budget, needs_from, call_opens, call_closes, runs_from,"
      + " runs_to, min_reviewers, synthetic";
  private final JdbcTemplate jdbc;
  private final DistrictProfile district;
  private final Clock clock;

  Rounds(JdbcTemplate jdbc, DistrictProfile district, Clock clock) {
    this.jdbc = jdbc;
    this.district = district;
    this.clock = clock;
  }

  /** The day it is now in the district. */
  LocalDate today() { return LocalDate.now(clock.withZone(district.timeZone())); }

  @Transactional
  public Round open(NewRound body, String username) {
    List<FieldError> errors = new ArrayList<>(dateErrors(body));
    BigDecimal weights = body.criteria().stream().map(Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (weights.compareTo(HUNDRED) != 0) errors.add(new FieldError("criteria", Text.of("funding.weights-sum", weights.toPlainString())));
    List<String> codes = body.criteria().stream().map(c -> c.code().strip()).toList();
    if (codes.stream().distinct().count() != codes.size()) errors.add(new FieldError("criteria", Text.of("funding.criteria-codes-repeat")));
    if (!errors.isEmpty()) throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-round", "Invalid round", (Text) null, errors);
    String title = body.title().strip();
    Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM funding_round WHERE fiscal_year = ? AND title = ?", Integer.class,
        body.year(), title);
    if (taken != null && taken > 0) throw duplicate(body.year(), title);
    long id = jdbc.queryForObject("SELECT nextval('funding_round_seq')", Long.class);
    jdbc.update("INSERT INTO funding_round (id, fiscal_year, kind, title, budget, needs_from, call_opens, call_closes, runs_from,"
        + " runs_to, min_reviewers, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, body.year(),
        body.kind().name(), title, body.budget(), Date.valueOf(body.needsFrom()), Date.valueOf(body.callOpens()),
        Date.valueOf(body.callCloses()), Date.valueOf(body.runsFrom()), Date.valueOf(body.runsTo()),
        body.minReviewers() == null ? 3 : body.minReviewers(), username, Timestamp.from(clock.instant()));
    int order = 0;
    for (Criterion c : body.criteria()) {
      jdbc.update("INSERT INTO round_criterion (round_id, code, name, weight, sort_order) VALUES (?, ?, ?, ?, ?)", id, c.code().strip(),
          c.name().strip(), c.weight(), order++);
    }
    return find(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<Round> list(Integer year) {
    LocalDate today = today();
    String order = " ORDER BY fiscal_year DESC, call_opens DESC, id";
    return year == null ? jdbc.query("SELECT " + COLUMNS + " FROM funding_round" + order, (rs, i) -> round(rs, today))
        : jdbc.query("SELECT " + COLUMNS + " FROM funding_round WHERE fiscal_year = ?" + order, (rs, i) -> round(rs, today), year);
  }

  @Transactional(readOnly = true)
  public Optional<Round> find(long id) {
    LocalDate today = today();
    return jdbc.query("SELECT " + COLUMNS + " FROM funding_round WHERE id = ?", (rs, i) -> round(rs, today), id).stream().findFirst();
  }

  Round get(long id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("unknown-round", "Unknown round", Text.of("funding.no-round", id)));
  }

  private Round round(ResultSet rs, LocalDate today) throws SQLException {
    long id = rs.getLong(1);
    LocalDate opens = rs.getDate(7).toLocalDate(), closes = rs.getDate(8).toLocalDate();
    LocalDate runsFrom = rs.getDate(9).toLocalDate(), runsTo = rs.getDate(10).toLocalDate();
    return new Round(id, rs.getInt(2), RoundKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBigDecimal(5).setScale(2),
        rs.getDate(6).toLocalDate(), opens, closes, runsFrom, runsTo, rs.getInt(11),
        RoundPhase.on(today, opens, closes, runsFrom, runsTo), criteria(id), rs.getBoolean(12));
  }

  List<CriterionView> criteria(long roundId) {
    return jdbc.query("SELECT code, name, weight FROM round_criterion WHERE round_id = ? ORDER BY sort_order, code",
        (rs, i) -> new CriterionView(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).setScale(2)), roundId);
  }

  /** Each date after the one before it (the call may open and close on the needs' first day and on one day). */
  private static List<FieldError> dateErrors(NewRound b) {
    List<FieldError> errors = new ArrayList<>();
    if (b.callOpens().isBefore(b.needsFrom())) errors.add(new FieldError("callOpens", Text.of("funding.date-not-before", "needsFrom")));
    if (b.callCloses().isBefore(b.callOpens())) errors.add(new FieldError("callCloses", Text.of("funding.date-not-before", "callOpens")));
    if (!b.runsFrom().isAfter(b.callCloses())) errors.add(new FieldError("runsFrom", Text.of("funding.date-after", "callCloses")));
    if (!b.runsTo().isAfter(b.runsFrom())) errors.add(new FieldError("runsTo", Text.of("funding.date-after", "runsFrom")));
    return errors;
  }

  static ProblemException duplicate(int year, String title) {
    return new ProblemException(HttpStatus.CONFLICT, "duplicate-round", "Round exists", Text.of("funding.round-exists", year, title),
        List.of(new FieldError("title", Text.of("funding.round-exists", year, title))));
  }
}
