-- The roster becomes many-to-many with role types (issue 11): a grid has several people per role, a person
-- holds roles in several grids. The four old slots map to their roles: GRID_MEMBER -> FULL_TIME_MEMBER
-- (专职网格员), POLICE_OFFICER -> COMMUNITY_OFFICER (社区民警), the two teams stay teams. A row names a person,
-- a team, or both (a person serving the grid as a member of that team).
-- The table is rebuilt rather than altered: its unnamed CHECK constraints have vendor-generated names.
CREATE TABLE grid_role (
  id         BIGINT PRIMARY KEY,
  grid_code  VARCHAR(15) NOT NULL REFERENCES area (code),
  role       VARCHAR(24) NOT NULL CHECK (role IN ('GRID_HEAD', 'GRID_INSTRUCTOR', 'FULL_TIME_MEMBER',
                 'SPECIALIST_MEMBER', 'PART_TIME_MEMBER', 'COMMUNITY_OFFICER', 'AUXILIARY_OFFICER',
                 'PATROL_TEAM', 'VOLUNTEER_TEAM')),
  person_id  BIGINT      REFERENCES person (id),
  team_id    BIGINT      REFERENCES team (id),
  valid_from TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_to   TIMESTAMP WITH TIME ZONE,
  CHECK (person_id IS NOT NULL OR team_id IS NOT NULL),
  CHECK (team_id IS NULL OR role IN ('PATROL_TEAM', 'VOLUNTEER_TEAM')),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

INSERT INTO grid_role (id, grid_code, role, person_id, team_id, valid_from, valid_to)
SELECT id, grid_code,
       CASE slot WHEN 'GRID_MEMBER' THEN 'FULL_TIME_MEMBER' WHEN 'POLICE_OFFICER' THEN 'COMMUNITY_OFFICER' ELSE slot END,
       person_id, team_id, valid_from, valid_to
FROM grid_assignment;

DROP TABLE grid_assignment;
ALTER TABLE grid_role RENAME TO grid_assignment;
CREATE INDEX grid_assignment_grid_idx ON grid_assignment (grid_code, valid_to);
CREATE INDEX grid_assignment_person_idx ON grid_assignment (person_id, valid_to);
