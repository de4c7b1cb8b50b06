-- The needs layer at ten million cases (issue 18 §3): per month (in the case tally's zone, case_tally_zone) and per
-- grid, the cases the needs map counts (not a duplicate, not merged), by the codes recorded with each case (grid,
-- community, subdistrict, district), so a level's figure is the sum over its column. No category: the all-categories
-- layer is the one read over a year; one category's year is a narrow range of incident_need_idx, counted directly.
-- About five cases a row (a grid has about 60 cases a year), so a year of every grid is 12 x grids rows.
-- Kept exact by the case tally's trigger (case_tally_add, replaced below): the same row, the same transaction, the
-- same rule for which case counts (v_counted) as the case tally's `counted`; a change of a case's grid or community
-- (redistricting re-places cases: incident.Rehoming, or SQL) takes the case from its old row and adds it to the new.
-- slot: as case_tally's (each writing session adds to one of eight rows of a key; readers sum them).
CREATE TABLE need_tally (
  district_code    VARCHAR(15) NOT NULL,
  in_month         DATE        NOT NULL,
  grid_code        VARCHAR(15) NOT NULL,
  community_code   VARCHAR(15) NOT NULL,
  subdistrict_code VARCHAR(15) NOT NULL,
  slot             SMALLINT    NOT NULL DEFAULT 0,
  counted          BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (in_month, grid_code, community_code, subdistrict_code, district_code, slot)
);

-- case_tally_add of V25_1, plus the case's month row of the need tally (marked NEED below); nothing else changed.
CREATE OR REPLACE FUNCTION case_tally_add(r incident, p_rating VARCHAR, sign INT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_zone TEXT := (SELECT zone FROM case_tally_zone LIMIT 1);
  v_day DATE := (r.reported_at AT TIME ZONE v_zone)::date;
  v_scope TEXT;
  v_slot SMALLINT := pg_backend_pid() % 8;
  v_counted INT := CASE WHEN r.duplicate_of IS NULL AND r.merged_into IS NULL THEN 1 ELSE 0 END;
  v_closed INT := CASE WHEN r.closed_at IS NOT NULL THEN 1 ELSE 0 END;
  v_handled INT := CASE WHEN r.resolved_at IS NOT NULL THEN 1 ELSE 0 END;
  v_dispute INT := CASE WHEN r.closed_at IS NOT NULL AND r.category_code = 'NEIGHBOUR_DISPUTE' THEN 1 ELSE 0 END;
BEGIN
  FOREACH v_scope IN ARRAY ARRAY['', r.subdistrict_code] LOOP
    INSERT INTO case_tally AS t (district_code, on_day, scope, category_code, slot, reported, counted, due, closed, closed_on_time, dispatched,
        handled, reworked, handling_seconds, disputes_closed, disputes_in_grid, transferred, breached, rated, satisfied,
        property_cases, property_on_time, property_closed)
    VALUES (r.district_code, v_day, v_scope, r.category_code, v_slot, sign,
        sign * v_counted,
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
  -- NEED: the case's month row of the need tally
  IF v_counted = 1 THEN
    INSERT INTO need_tally AS n (district_code, in_month, grid_code, community_code, subdistrict_code, slot, counted)
    VALUES (r.district_code, date_trunc('month', v_day)::date, r.grid_code, r.community_code, r.subdistrict_code, v_slot, sign)
    ON CONFLICT (in_month, grid_code, community_code, subdistrict_code, district_code, slot) DO UPDATE
        SET counted = n.counted + EXCLUDED.counted;
  END IF;
END $$;

-- The update trigger of V25_1, now also when a case's grid or community changes (what the need tally reads).
DROP TRIGGER case_tally_update ON incident;
CREATE TRIGGER case_tally_update AFTER UPDATE ON incident
  FOR EACH ROW WHEN ((OLD.reported_at, OLD.district_code, OLD.subdistrict_code, OLD.category_code, OLD.status, OLD.closed_at,
      OLD.closed_on_time, OLD.dispatched_at, OLD.resolved_at, OLD.reopenings, OLD.settled_in_grid, OLD.breached,
      OLD.duplicate_of, OLD.merged_into, OLD.property_organisation, OLD.property_responded_at, OLD.property_deadline,
      OLD.level, OLD.grid_code, OLD.community_code)
    IS DISTINCT FROM (NEW.reported_at, NEW.district_code, NEW.subdistrict_code, NEW.category_code, NEW.status, NEW.closed_at,
      NEW.closed_on_time, NEW.dispatched_at, NEW.resolved_at, NEW.reopenings, NEW.settled_in_grid, NEW.breached,
      NEW.duplicate_of, NEW.merged_into, NEW.property_organisation, NEW.property_responded_at, NEW.property_deadline,
      NEW.level, NEW.grid_code, NEW.community_code))
  EXECUTE FUNCTION case_tally_incident();

-- Backfill from the cases there are, in key order (a month of every grid is then contiguous pages). The WHERE is the
-- partial predicate of incident_need_time_idx.
INSERT INTO need_tally (district_code, in_month, grid_code, community_code, subdistrict_code, counted)
SELECT district_code, date_trunc('month', reported_at AT TIME ZONE '${district_zone}')::date AS in_month, grid_code,
    community_code, subdistrict_code, count(*)
FROM incident
WHERE duplicate_of IS NULL AND merged_into IS NULL
GROUP BY 2, 3, 4, 5, 1
ORDER BY 2, 3, 4, 5, 1;

ANALYZE need_tally;
