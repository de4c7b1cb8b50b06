-- The needs layer at ten million cases (issue 18 §3): per month (in the case tally's zone) and per grid, the cases the
-- needs map counts (not a duplicate, not merged), by the codes recorded with each case; see the PostgreSQL migration.
-- Kept exact by the case tally's trigger (org.gridwatch.incident.tally.CaseTallyTrigger, already called after every
-- insert, update and delete of a case): the month row is part of a case's CaseContribution, with the same rule for
-- which case counts as the case tally's `counted`.
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

-- Backfill from the cases there are (the WHERE is the needs map's rule, as in the PostgreSQL migration).
INSERT INTO need_tally (district_code, in_month, grid_code, community_code, subdistrict_code, counted)
SELECT district_code, in_month, grid_code, community_code, subdistrict_code, count(*)
FROM (
  SELECT district_code, CAST(FORMATDATETIME(reported_at, 'yyyy-MM-01', 'en', '${district_zone}') AS DATE) AS in_month,
      grid_code, community_code, subdistrict_code
  FROM incident WHERE duplicate_of IS NULL AND merged_into IS NULL
) c
GROUP BY in_month, grid_code, community_code, subdistrict_code, district_code
ORDER BY in_month, grid_code, community_code, subdistrict_code, district_code;
