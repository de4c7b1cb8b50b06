-- The needs map (issue 15 part A) counts a year of cases per area and category, leaving out duplicates and merged
-- cases. A partial covering index lets PostgreSQL answer it from the index alone (an index-only scan of a few
-- columns rather than the whole wide incident rows) for one category, a range of the index (see docs/benchmarks.md).
CREATE INDEX incident_need_idx ON incident (category_code, reported_at)
  INCLUDE (grid_code, community_code, subdistrict_code)
  WHERE duplicate_of IS NULL AND merged_into IS NULL;
