-- The embedded default keeps no SPATIAL indexes. H2's are MVStore R-trees (MVRTreeMap); after kill -9 a damaged
-- R-tree page left databases that never opened again ("ValueDataType cannot be cast to SpatialDataType"). Nothing
-- needs them: placement uses the in-memory locator and spatial work is done in JTS (see DESIGN.md); the few
-- spatial filters left in SQL scan instead, on tables of the embedded default's size. PostGIS keeps its GiST indexes.
DROP INDEX IF EXISTS area_version_boundary_idx;
DROP INDEX IF EXISTS building_location_idx;
DROP INDEX IF EXISTS incident_location_idx;
DROP INDEX IF EXISTS camera_location_idx;
DROP INDEX IF EXISTS patrol_route_geometry_idx;
DROP INDEX IF EXISTS obstacle_boundary_idx;
