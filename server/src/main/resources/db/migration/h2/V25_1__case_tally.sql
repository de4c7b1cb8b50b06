-- The year's measures at ten million cases (issue 18 §3): per day (in the district's time zone), per scope and per
-- category (and district, for a province's shards), exactly the sums Measures and CaseActivity compute over the
-- cases. Scope '' is the whole district, else a subdistrict code (a community's or a grid's year is a few thousand
-- cases, read directly from incident). Kept exact by the trigger below (org.gridwatch.incident.tally.CaseTallyTrigger)
-- IN THE SAME TRANSACTION as every write of a case or its rating, whoever writes it (JPA, the history import's JDBC
-- batches, bulk SQL). Rows reaching zero stay (harmless).
--   reported-day sums: reported, counted (not a duplicate, not merged: the needs map's count), due, closed, ... ;
--   closed-day sums:   closed_then, closed_then_on_time (cases closed on this day, whenever reported).
-- slot: each writing session adds to one of eight rows of a key (its backend or thread, modulo 8), so that concurrent
-- transactions (two intake writers, a transition) rarely wait for each other on today's row; readers sum the slots.
CREATE TABLE case_tally (
  district_code       VARCHAR(15) NOT NULL,
  on_day              DATE        NOT NULL,
  scope               VARCHAR(15) NOT NULL,
  category_code       VARCHAR(30) NOT NULL,
  slot                SMALLINT    NOT NULL DEFAULT 0,
  reported            BIGINT      NOT NULL DEFAULT 0,
  counted             BIGINT      NOT NULL DEFAULT 0,
  due                 BIGINT      NOT NULL DEFAULT 0,
  closed              BIGINT      NOT NULL DEFAULT 0,
  closed_on_time      BIGINT      NOT NULL DEFAULT 0,
  dispatched          BIGINT      NOT NULL DEFAULT 0,
  handled             BIGINT      NOT NULL DEFAULT 0,
  reworked            BIGINT      NOT NULL DEFAULT 0,
  handling_seconds    DECIMAL(24, 6) NOT NULL DEFAULT 0,
  disputes_closed     BIGINT      NOT NULL DEFAULT 0,
  disputes_in_grid    BIGINT      NOT NULL DEFAULT 0,
  transferred         BIGINT      NOT NULL DEFAULT 0,
  breached            BIGINT      NOT NULL DEFAULT 0,
  rated               BIGINT      NOT NULL DEFAULT 0,
  satisfied           BIGINT      NOT NULL DEFAULT 0,
  property_cases      BIGINT      NOT NULL DEFAULT 0,
  property_on_time    BIGINT      NOT NULL DEFAULT 0,
  property_closed     BIGINT      NOT NULL DEFAULT 0,
  closed_then         BIGINT      NOT NULL DEFAULT 0,
  closed_then_on_time BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, on_day, category_code, district_code, slot)
);

-- The zone the days above are in (one row). The server checks it against gridwatch.district.time-zone at start and
-- rebuilds the tally if the deployment's zone was changed.
CREATE TABLE case_tally_zone (
  zone VARCHAR(60) NOT NULL
);
INSERT INTO case_tally_zone (zone) VALUES ('${district_zone}');

-- The same sums as PostgreSQL's triggers, in Java (H2 runs it in the writing session's transaction). Every change of
-- a case the sums read, and every rating, moves the case's rows (see the class for what it reads).
CREATE TRIGGER case_tally_incident AFTER INSERT, UPDATE, DELETE ON incident FOR EACH ROW
  CALL 'org.gridwatch.incident.tally.CaseTallyTrigger';
CREATE TRIGGER case_tally_feedback AFTER INSERT, UPDATE, DELETE ON incident_feedback FOR EACH ROW
  CALL 'org.gridwatch.incident.tally.CaseTallyTrigger';

-- Backfill from the cases there are: the same contributions, set-wise (each case's reported-day rows and its
-- closed-day rows, for the district and for its subdistrict), summed per key.
INSERT INTO case_tally (district_code, on_day, scope, category_code, reported, counted, due, closed, closed_on_time, dispatched, handled,
    reworked, handling_seconds, disputes_closed, disputes_in_grid, transferred, breached, rated, satisfied,
    property_cases, property_on_time, property_closed, closed_then, closed_then_on_time)
SELECT district_code, on_day, scope, category_code, sum(reported), sum(counted), sum(due), sum(closed), sum(closed_on_time), sum(dispatched),
    sum(handled), sum(reworked), sum(handling_seconds), sum(disputes_closed), sum(disputes_in_grid), sum(transferred),
    sum(breached), sum(rated), sum(satisfied), sum(property_cases), sum(property_on_time), sum(property_closed),
    sum(closed_then), sum(closed_then_on_time)
FROM (
  SELECT c.district_code, c.on_day, COALESCE(s.scope, c.subdistrict_code) AS scope, c.category_code, 1 AS reported, c.counted, c.due, c.closed, c.closed_on_time, c.dispatched,
      c.handled, c.reworked, c.handling_seconds, c.disputes_closed, c.disputes_in_grid, c.transferred, c.breached, c.rated,
      c.satisfied, c.property_cases, c.property_on_time, c.property_closed, 0 AS closed_then, 0 AS closed_then_on_time
  FROM (
    SELECT CAST(FORMATDATETIME(i.reported_at, 'yyyy-MM-dd', 'en', '${district_zone}') AS DATE) AS on_day, i.district_code, i.subdistrict_code, i.category_code,
        CASE WHEN i.duplicate_of IS NULL AND i.merged_into IS NULL THEN 1 ELSE 0 END AS counted,
        CASE WHEN i.status NOT IN ('REJECTED', 'MERGED', 'TRANSFERRED') THEN 1 ELSE 0 END AS due,
        CASE WHEN i.closed_at IS NOT NULL THEN 1 ELSE 0 END AS closed,
        CASE WHEN i.closed_at IS NOT NULL AND i.closed_on_time THEN 1 ELSE 0 END AS closed_on_time,
        CASE WHEN i.dispatched_at IS NOT NULL THEN 1 ELSE 0 END AS dispatched,
        CASE WHEN i.resolved_at IS NOT NULL THEN 1 ELSE 0 END AS handled,
        CASE WHEN i.resolved_at IS NOT NULL AND i.reopenings > 0 THEN 1 ELSE 0 END AS reworked,
        COALESCE(EXTRACT(EPOCH FROM (i.resolved_at - i.dispatched_at)), 0) AS handling_seconds,
        CASE WHEN i.closed_at IS NOT NULL AND i.category_code = 'NEIGHBOUR_DISPUTE' THEN 1 ELSE 0 END AS disputes_closed,
        CASE WHEN i.closed_at IS NOT NULL AND i.category_code = 'NEIGHBOUR_DISPUTE' AND i.settled_in_grid THEN 1 ELSE 0 END
            AS disputes_in_grid,
        CASE WHEN i.status = 'TRANSFERRED' THEN 1 ELSE 0 END AS transferred,
        CASE WHEN i.breached AND i.status <> 'TRANSFERRED' THEN 1 ELSE 0 END AS breached,
        CASE WHEN f.rating IS NOT NULL THEN 1 ELSE 0 END AS rated,
        CASE WHEN f.rating IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END AS satisfied,
        CASE WHEN i.property_organisation IS NOT NULL THEN 1 ELSE 0 END AS property_cases,
        CASE WHEN i.property_organisation IS NOT NULL AND i.property_responded_at <= i.property_deadline THEN 1 ELSE 0 END
            AS property_on_time,
        CASE WHEN i.property_organisation IS NOT NULL AND i.closed_at IS NOT NULL AND i.level = 'PROPERTY' THEN 1 ELSE 0 END
            AS property_closed
    FROM incident i LEFT JOIN incident_feedback f ON f.incident_id = i.id
  ) c JOIN (SELECT '' AS scope UNION ALL SELECT NULL) s ON TRUE
  UNION ALL
  SELECT c.district_code, c.on_day, COALESCE(s.scope, c.subdistrict_code), c.category_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      1, c.on_time
  FROM (
    SELECT CAST(FORMATDATETIME(i.closed_at, 'yyyy-MM-dd', 'en', '${district_zone}') AS DATE) AS on_day, i.district_code, i.subdistrict_code, i.category_code,
        CASE WHEN i.closed_on_time THEN 1 ELSE 0 END AS on_time
    FROM incident i WHERE i.closed_at IS NOT NULL
  ) c JOIN (SELECT '' AS scope UNION ALL SELECT NULL) s ON TRUE
) x
GROUP BY district_code, on_day, scope, category_code
-- in key order: a scope's year is then a few contiguous pages, not one page per row
ORDER BY scope, on_day, category_code, district_code;

-- The needs map over all categories reads a year of cases by report time (see the PostgreSQL migration).
CREATE INDEX incident_need_time_idx ON incident (reported_at, grid_code, community_code, subdistrict_code, category_code);
