-- The year's measures at ten million cases (issue 18 §3): per day (in the district's time zone), per scope and per
-- category (and district, for a province's shards), exactly the sums Measures and CaseActivity compute over the cases. Scope '' is the whole district, else a
-- subdistrict code (a community's or a grid's year is a few thousand cases, read directly from incident). Kept exact
-- by the triggers below IN THE SAME TRANSACTION as every write of a case or its rating, whoever writes it (JPA, the
-- history import's JDBC batches, bulk SQL, COPY with triggers on). Rows reaching zero stay (harmless).
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
  handling_seconds    NUMERIC(24, 6) NOT NULL DEFAULT 0,
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

-- Add (sign 1) or take away (sign -1) one case's contribution to every row it counts in.
CREATE FUNCTION case_tally_add(r incident, p_rating VARCHAR, sign INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_zone TEXT := (SELECT zone FROM case_tally_zone LIMIT 1);
  v_day DATE := (r.reported_at AT TIME ZONE v_zone)::date;
  v_scope TEXT;
  v_slot SMALLINT := pg_backend_pid() % 8;
  v_closed INT := CASE WHEN r.closed_at IS NOT NULL THEN 1 ELSE 0 END;
  v_handled INT := CASE WHEN r.resolved_at IS NOT NULL THEN 1 ELSE 0 END;
  v_dispute INT := CASE WHEN r.closed_at IS NOT NULL AND r.category_code = 'NEIGHBOUR_DISPUTE' THEN 1 ELSE 0 END;
BEGIN
  FOREACH v_scope IN ARRAY ARRAY['', r.subdistrict_code] LOOP
    INSERT INTO case_tally AS t (district_code, on_day, scope, category_code, slot, reported, counted, due, closed, closed_on_time, dispatched,
        handled, reworked, handling_seconds, disputes_closed, disputes_in_grid, transferred, breached, rated, satisfied,
        property_cases, property_on_time, property_closed)
    VALUES (r.district_code, v_day, v_scope, r.category_code, v_slot, sign,
        sign * (CASE WHEN r.duplicate_of IS NULL AND r.merged_into IS NULL THEN 1 ELSE 0 END),
        sign * (CASE WHEN r.status NOT IN ('REJECTED', 'MERGED', 'TRANSFERRED') THEN 1 ELSE 0 END),
        sign * v_closed,
        sign * (CASE WHEN r.closed_at IS NOT NULL AND r.closed_on_time THEN 1 ELSE 0 END),
        sign * (CASE WHEN r.dispatched_at IS NOT NULL THEN 1 ELSE 0 END),
        sign * v_handled,
        sign * (CASE WHEN r.resolved_at IS NOT NULL AND r.reopenings > 0 THEN 1 ELSE 0 END),
        sign * COALESCE(EXTRACT(EPOCH FROM (r.resolved_at - r.dispatched_at)), 0),
        sign * v_dispute,
        sign * (CASE WHEN v_dispute = 1 AND r.settled_in_grid THEN 1 ELSE 0 END),
        sign * (CASE WHEN r.status = 'TRANSFERRED' THEN 1 ELSE 0 END),
        sign * (CASE WHEN r.breached AND r.status <> 'TRANSFERRED' THEN 1 ELSE 0 END),
        sign * (CASE WHEN p_rating IS NOT NULL THEN 1 ELSE 0 END),
        sign * (CASE WHEN p_rating IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END),
        sign * (CASE WHEN r.property_organisation IS NOT NULL THEN 1 ELSE 0 END),
        sign * (CASE WHEN r.property_organisation IS NOT NULL AND r.property_responded_at <= r.property_deadline THEN 1 ELSE 0 END),
        sign * (CASE WHEN r.property_organisation IS NOT NULL AND v_closed = 1 AND r.level = 'PROPERTY' THEN 1 ELSE 0 END))
    ON CONFLICT (scope, on_day, category_code, district_code, slot) DO UPDATE SET
        reported = t.reported + EXCLUDED.reported, counted = t.counted + EXCLUDED.counted, due = t.due + EXCLUDED.due,
        closed = t.closed + EXCLUDED.closed, closed_on_time = t.closed_on_time + EXCLUDED.closed_on_time,
        dispatched = t.dispatched + EXCLUDED.dispatched, handled = t.handled + EXCLUDED.handled,
        reworked = t.reworked + EXCLUDED.reworked, handling_seconds = t.handling_seconds + EXCLUDED.handling_seconds,
        disputes_closed = t.disputes_closed + EXCLUDED.disputes_closed,
        disputes_in_grid = t.disputes_in_grid + EXCLUDED.disputes_in_grid,
        transferred = t.transferred + EXCLUDED.transferred, breached = t.breached + EXCLUDED.breached,
        rated = t.rated + EXCLUDED.rated, satisfied = t.satisfied + EXCLUDED.satisfied,
        property_cases = t.property_cases + EXCLUDED.property_cases,
        property_on_time = t.property_on_time + EXCLUDED.property_on_time,
        property_closed = t.property_closed + EXCLUDED.property_closed;
    IF v_closed = 1 THEN
      INSERT INTO case_tally AS t (district_code, on_day, scope, category_code, slot, closed_then, closed_then_on_time)
      VALUES (r.district_code, (r.closed_at AT TIME ZONE v_zone)::date, v_scope, r.category_code, v_slot, sign,
          sign * (CASE WHEN r.closed_on_time THEN 1 ELSE 0 END))
      ON CONFLICT (scope, on_day, category_code, district_code, slot) DO UPDATE SET closed_then = t.closed_then + EXCLUDED.closed_then,
          closed_then_on_time = t.closed_then_on_time + EXCLUDED.closed_then_on_time;
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION case_tally_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM case_tally_add(OLD, (SELECT f.rating FROM incident_feedback f WHERE f.incident_id = OLD.id), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM case_tally_add(NEW, (SELECT f.rating FROM incident_feedback f WHERE f.incident_id = NEW.id), 1);
  END IF;
  RETURN NULL;
END $$;

-- A rating moves only rated/satisfied of its case's rows: lock the case first, so that a concurrent change of the
-- case's own sums (its trigger reads the rating) sees either the rating before or after, never half.
CREATE FUNCTION case_tally_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r incident;
BEGIN
  SELECT * INTO r FROM incident WHERE id = COALESCE(NEW.incident_id, OLD.incident_id) FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM case_tally_rating(r, OLD.rating, -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM case_tally_rating(r, NEW.rating, 1); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION case_tally_rating(r incident, p_rating VARCHAR, sign INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_day DATE := (r.reported_at AT TIME ZONE (SELECT zone FROM case_tally_zone LIMIT 1))::date;
  v_scope TEXT;
  v_slot SMALLINT := pg_backend_pid() % 8;
BEGIN
  FOREACH v_scope IN ARRAY ARRAY['', r.subdistrict_code] LOOP
    INSERT INTO case_tally AS t (district_code, on_day, scope, category_code, slot, rated, satisfied)
    VALUES (r.district_code, v_day, v_scope, r.category_code, v_slot, sign * (CASE WHEN p_rating IS NOT NULL THEN 1 ELSE 0 END),
        sign * (CASE WHEN p_rating IN ('SATISFIED', 'BASICALLY_SATISFIED') THEN 1 ELSE 0 END))
    ON CONFLICT (scope, on_day, category_code, district_code, slot) DO UPDATE SET rated = t.rated + EXCLUDED.rated,
        satisfied = t.satisfied + EXCLUDED.satisfied;
  END LOOP;
END $$;

-- Only a change of a column the sums read moves the tally (deadline, warnings, version... do not).
CREATE TRIGGER case_tally_insert_delete AFTER INSERT OR DELETE ON incident
  FOR EACH ROW EXECUTE FUNCTION case_tally_incident();
CREATE TRIGGER case_tally_update AFTER UPDATE ON incident
  FOR EACH ROW WHEN ((OLD.reported_at, OLD.district_code, OLD.subdistrict_code, OLD.category_code, OLD.status, OLD.closed_at,
      OLD.closed_on_time, OLD.dispatched_at, OLD.resolved_at, OLD.reopenings, OLD.settled_in_grid, OLD.breached,
      OLD.duplicate_of, OLD.merged_into, OLD.property_organisation, OLD.property_responded_at, OLD.property_deadline,
      OLD.level)
    IS DISTINCT FROM (NEW.reported_at, NEW.district_code, NEW.subdistrict_code, NEW.category_code, NEW.status, NEW.closed_at,
      NEW.closed_on_time, NEW.dispatched_at, NEW.resolved_at, NEW.reopenings, NEW.settled_in_grid, NEW.breached,
      NEW.duplicate_of, NEW.merged_into, NEW.property_organisation, NEW.property_responded_at, NEW.property_deadline,
      NEW.level))
  EXECUTE FUNCTION case_tally_incident();
CREATE TRIGGER case_tally_feedback AFTER INSERT OR UPDATE OR DELETE ON incident_feedback
  FOR EACH ROW EXECUTE FUNCTION case_tally_feedback();

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
    SELECT (i.reported_at AT TIME ZONE '${district_zone}')::date AS on_day, i.district_code, i.subdistrict_code, i.category_code,
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
    SELECT (i.closed_at AT TIME ZONE '${district_zone}')::date AS on_day, i.district_code, i.subdistrict_code, i.category_code,
        CASE WHEN i.closed_on_time THEN 1 ELSE 0 END AS on_time
    FROM incident i WHERE i.closed_at IS NOT NULL
  ) c JOIN (SELECT '' AS scope UNION ALL SELECT NULL) s ON TRUE
) x
GROUP BY district_code, on_day, scope, category_code
-- in key order: a scope's year is then a few contiguous pages, not one page per row
ORDER BY scope, on_day, category_code, district_code;

-- The needs map over all categories reads a year of cases by report time: a partial covering index in that order
-- (incident_need_idx leads with the category, which serves one category's year but not all of them).
CREATE INDEX incident_need_time_idx ON incident (reported_at)
  INCLUDE (grid_code, community_code, subdistrict_code, category_code)
  WHERE duplicate_of IS NULL AND merged_into IS NULL;

ANALYZE case_tally;
