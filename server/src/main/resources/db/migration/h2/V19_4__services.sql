-- Places and services (issue 14 §2): service points with their opening hours and photos, the catalogue of offers
-- (what service, where, by whom, at what price, under which booking rule), bookings with their fulfilment, and which
-- case categories a service answers (a resident request of such a category can become a booking).
-- Places are lon/lat (WGS84) numbers: the spatial work (reach, deserts) is done in memory, the same on both stores.
CREATE SEQUENCE service_point_seq INCREMENT BY 50;
CREATE TABLE service_point (
  id               BIGINT PRIMARY KEY,
  name             VARCHAR(100) NOT NULL,
  kind             VARCHAR(32)  NOT NULL,
  lon              DOUBLE PRECISION NOT NULL,
  lat              DOUBLE PRECISION NOT NULL,
  address          VARCHAR(200),
  grid_code        VARCHAR(40)  NOT NULL,
  community_code   VARCHAR(40)  NOT NULL,
  subdistrict_code VARCHAR(40)  NOT NULL,
  organisation_id  BIGINT REFERENCES organisation (id),
  synthetic        BOOLEAN NOT NULL DEFAULT FALSE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX service_point_community_idx ON service_point (community_code);

-- Weekly opening hours (weekday 1 = Monday … 7 = Sunday, the district's local time).
CREATE TABLE service_point_hours (
  service_point_id BIGINT NOT NULL REFERENCES service_point (id) ON DELETE CASCADE,
  weekday          SMALLINT NOT NULL,
  starts           TIME NOT NULL,
  ends             TIME NOT NULL
);
CREATE INDEX service_point_hours_idx ON service_point_hours (service_point_id);

-- Photos of a point, public: only the copy re-encoded without metadata (no GPS) and its thumbnail are kept, in the
-- same transaction as the row naming them.
CREATE SEQUENCE service_point_photo_seq INCREMENT BY 50;
CREATE TABLE service_point_photo (
  id               BIGINT PRIMARY KEY,
  service_point_id BIGINT NOT NULL REFERENCES service_point (id) ON DELETE CASCADE,
  content_type     VARCHAR(40) NOT NULL,
  width            INTEGER NOT NULL,
  height           INTEGER NOT NULL,
  content          BLOB NOT NULL,
  thumbnail        BLOB NOT NULL,
  uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  uploaded_by      VARCHAR(100) NOT NULL
);
CREATE INDEX service_point_photo_idx ON service_point_photo (service_point_id, id);

-- An offer of the catalogue: a service (MEAL_ASSISTANCE, HOME_VISIT, …) by an organisation, at a service point and/or
-- delivered at home in the areas it names; price NULL is free; the booking rule: notice (hours ahead), the slot length
-- and how many bookings one slot takes (NULL: no limit); office hours (e.g. the legal adviser's) bound the times booked.
CREATE SEQUENCE service_offer_seq INCREMENT BY 50;
CREATE TABLE service_offer (
  id               BIGINT PRIMARY KEY,
  service          VARCHAR(40) NOT NULL,
  service_point_id BIGINT REFERENCES service_point (id),
  organisation_id  BIGINT NOT NULL REFERENCES organisation (id),
  price            DECIMAL(10, 2),
  notice_hours     INTEGER NOT NULL DEFAULT 0,
  slot_minutes     INTEGER NOT NULL DEFAULT 60,
  capacity         INTEGER,
  synthetic        BOOLEAN NOT NULL DEFAULT FALSE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX service_offer_service_idx ON service_offer (service);
CREATE TABLE service_offer_area (
  offer_id   BIGINT NOT NULL REFERENCES service_offer (id) ON DELETE CASCADE,
  area_code  VARCHAR(40) NOT NULL,
  PRIMARY KEY (offer_id, area_code)
);
CREATE TABLE service_offer_hours (
  offer_id  BIGINT NOT NULL REFERENCES service_offer (id) ON DELETE CASCADE,
  weekday   SMALLINT NOT NULL,
  starts    TIME NOT NULL,
  ends      TIME NOT NULL
);
CREATE INDEX service_offer_hours_idx ON service_offer_hours (offer_id);

-- A booking of an offer for a time at a place, by a resident or by staff on their behalf; case_id: the resident
-- request (its public number) it answers. fulfilled NULL: not yet recorded.
CREATE SEQUENCE booking_seq INCREMENT BY 50;
CREATE TABLE booking (
  id               BIGINT PRIMARY KEY,
  offer_id         BIGINT NOT NULL REFERENCES service_offer (id),
  at               TIMESTAMP WITH TIME ZONE NOT NULL,
  lon              DOUBLE PRECISION NOT NULL,
  lat              DOUBLE PRECISION NOT NULL,
  grid_code        VARCHAR(40) NOT NULL,
  community_code   VARCHAR(40) NOT NULL,
  subdistrict_code VARCHAR(40) NOT NULL,
  resident_name    VARCHAR(50) NOT NULL,
  resident_phone   VARCHAR(20) NOT NULL,
  note             VARCHAR(500),
  case_id          VARCHAR(40) UNIQUE,
  booked_by        VARCHAR(100) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  fulfilled        BOOLEAN,
  fulfilled_at     TIMESTAMP WITH TIME ZONE,
  fulfilment_note  VARCHAR(500),
  recorded_by      VARCHAR(100),
  synthetic        BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX booking_offer_at_idx ON booking (offer_id, at);
CREATE INDEX booking_created_idx ON booking (created_at);

-- Which service answers a case category (a request of that category can become a booking of the service).
CREATE TABLE category_service (
  category_code VARCHAR(30) PRIMARY KEY REFERENCES category (code),
  service       VARCHAR(40) NOT NULL
);
INSERT INTO category_service (category_code, service)
  SELECT code, CASE code WHEN 'ELDERLY_CARE' THEN 'HOME_VISIT' WHEN 'HOUSEKEEPING' THEN 'HOUSEKEEPING'
    WHEN 'DELIVERY' THEN 'DELIVERY' ELSE 'LEGAL_ADVICE' END
  FROM category WHERE code IN ('ELDERLY_CARE', 'HOUSEKEEPING', 'DELIVERY', 'LEGAL_ADVICE');
