-- The needs map (issue 15 part A) counts a year of cases per area and category. H2 has neither partial nor covering
-- (INCLUDE) indexes: the area codes go into the key instead, so the count per category and area reads the index.
CREATE INDEX incident_need_idx ON incident (category_code, reported_at, grid_code, community_code, subdistrict_code);
