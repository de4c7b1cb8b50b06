-- Standard addresses (门楼牌, issue 12): one per building, road + number (门牌号) + building (楼号) with its number of
-- units (单元); the compound's name and aliases (old road names, a compound's common name) help people find it.
-- The point is the building's and the grid is derived from it, so neither is stored twice.
CREATE SEQUENCE address_seq INCREMENT BY 50;
CREATE TABLE address (
  id             BIGINT PRIMARY KEY,
  building_code  VARCHAR(40) NOT NULL UNIQUE,
  road           VARCHAR(60) NOT NULL,
  house_number   VARCHAR(20) NOT NULL,
  building_no    VARCHAR(20),
  units          INTEGER,
  compound       VARCHAR(100),
  aliases        VARCHAR(500),
  full_text      VARCHAR(200) NOT NULL
);
CREATE INDEX address_road_idx ON address (road);
