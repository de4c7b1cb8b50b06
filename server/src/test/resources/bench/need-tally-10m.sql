-- The need tally (V25_2) at ten million cases, by hand (docs/benchmarks.md, part H5): on a copy of the needed columns of
-- the city's cases in schema scratch of a database of ones own (see the \copy there). Dates are those of the run.
\timing on
SET search_path = scratch, public;
VACUUM ANALYZE incident;
CREATE INDEX incident_need_time_idx ON incident (reported_at) INCLUDE (grid_code, community_code, subdistrict_code, category_code) WHERE duplicate_of IS NULL AND merged_into IS NULL;
VACUUM ANALYZE incident;
CREATE TABLE need_tally (
  district_code VARCHAR(15) NOT NULL, in_month DATE NOT NULL, grid_code VARCHAR(15) NOT NULL, community_code VARCHAR(15) NOT NULL,
  subdistrict_code VARCHAR(15) NOT NULL, slot SMALLINT NOT NULL DEFAULT 0, counted BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (in_month, grid_code, community_code, subdistrict_code, district_code, slot));
EXPLAIN (ANALYZE, BUFFERS) INSERT INTO need_tally (district_code, in_month, grid_code, community_code, subdistrict_code, counted)
SELECT district_code, date_trunc('month', reported_at AT TIME ZONE 'Asia/Shanghai')::date AS in_month, grid_code,
    community_code, subdistrict_code, count(*)
FROM incident WHERE duplicate_of IS NULL AND merged_into IS NULL
GROUP BY 2, 3, 4, 5, 1 ORDER BY 2, 3, 4, 5, 1;
ANALYZE need_tally;
SELECT count(*), sum(counted), pg_size_pretty(pg_total_relation_size('need_tally')) FROM need_tally;
\timing on
\o /dev/null
-- warm
SELECT grid_code, sum(counted) FROM need_tally WHERE in_month >= '2026-01-01' AND in_month < '2026-12-01' GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
\echo tally
SELECT grid_code, sum(counted) FROM need_tally WHERE in_month >= '2026-01-01' AND in_month < '2026-12-01' GROUP BY grid_code;
SELECT grid_code, sum(counted) FROM need_tally WHERE in_month >= '2026-01-01' AND in_month < '2026-12-01' GROUP BY grid_code;
SELECT grid_code, sum(counted) FROM need_tally WHERE in_month >= '2026-01-01' AND in_month < '2026-12-01' GROUP BY grid_code;
SELECT grid_code, sum(counted) FROM need_tally WHERE in_month >= '2026-01-01' AND in_month < '2026-12-01' GROUP BY grid_code;
SELECT grid_code, sum(counted) FROM need_tally WHERE in_month >= '2026-01-01' AND in_month < '2026-12-01' GROUP BY grid_code;
\echo edges
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-01-01 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2026-12-01 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-01-01 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2026-12-01 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-01-01 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2026-12-01 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
\echo direct
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
SELECT grid_code, count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-12-08 00:00+08' AND duplicate_of IS NULL AND merged_into IS NULL GROUP BY grid_code;
\o
\echo counts
SELECT (SELECT count(*) FROM need_tally WHERE in_month >= '2026-01-01' AND in_month < '2026-12-01') AS tally_rows,
  (SELECT count(*) FROM incident WHERE reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-12-08 00:00+08') AS year_cases,
  (SELECT count(*) FROM incident WHERE (reported_at >= '2025-12-08 00:00+08' AND reported_at < '2026-01-01 00:00+08') OR (reported_at >= '2026-12-01 00:00+08' AND reported_at < '2026-12-08 00:00+08')) AS edge_cases,
  (SELECT max(reported_at) FROM incident) AS newest;
