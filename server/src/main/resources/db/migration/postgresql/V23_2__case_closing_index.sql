-- Ten million cases (issue 18 part C). The measures' activity counts the cases closed in a period
-- (closed_at >= :from AND closed_at < :to), which no index served: at city scale PostgreSQL read the whole case
-- table for every measures request (EXPLAIN ANALYZE: a parallel sequential scan). Partial, since open cases have
-- no closed_at (the range condition implies NOT NULL, so the planner uses it); closed_on_time is carried along so
-- the on-time count reads the index alone.
CREATE INDEX incident_closed_idx ON incident (closed_at) INCLUDE (closed_on_time) WHERE closed_at IS NOT NULL;
