-- The working calendar of each year as data: public holidays and make-up working days (调休上班日) as the
-- State Council publishes them, late in the year before. A year without a row is "not published".
CREATE TABLE calendar_year (
  year_number INTEGER       PRIMARY KEY CHECK (year_number BETWEEN 2000 AND 2100),
  holidays    VARCHAR(4000) NOT NULL, -- ISO dates, comma-separated, sorted
  workdays    VARCHAR(4000) NOT NULL,
  source      VARCHAR(400)  NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by  VARCHAR(100)  NOT NULL
);

-- Who changed a year's calendar, when, and what changed (dates added and removed).
CREATE SEQUENCE calendar_change_seq INCREMENT BY 50;
CREATE TABLE calendar_change (
  id          BIGINT        PRIMARY KEY,
  year_number INTEGER       NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by  VARCHAR(100)  NOT NULL,
  actor_role  VARCHAR(20)   NOT NULL,
  summary     VARCHAR(8000) NOT NULL
);
CREATE INDEX calendar_change_year ON calendar_change (year_number, changed_at);
