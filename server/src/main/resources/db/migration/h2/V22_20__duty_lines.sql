-- The public portal (issue 17, part B): the public duty lines (值班电话) the portal shows beside a grid's contacts.
-- A duty line belongs to an area and a role, not to a person: the phone a grid member or the community police officer
-- carries on duty, or the community office's line, as printed on the grid's notice board. A person's own phone
-- (person.phone) stays private and is never shown. role: GRID_MEMBER | POLICE_OFFICER (area_code a grid code) or
-- COMMUNITY_OFFICE (area_code a community code).
CREATE TABLE duty_line (
  area_code   VARCHAR(40) NOT NULL,
  role        VARCHAR(20) NOT NULL,
  phone       VARCHAR(40) NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by  VARCHAR(60) NOT NULL,
  PRIMARY KEY (area_code, role)
);
