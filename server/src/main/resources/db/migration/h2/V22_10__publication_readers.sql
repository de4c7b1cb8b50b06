-- Who has read a publication (issue 17, part A): one row per distinct reader, so read_count counts each reader once.
-- reader_key: "u:" + the account's username, or "a:" + a hash of an anonymous client's address and browser and the
-- day (district's zone): an anonymous client counts once a day. No address is stored, only the hash.
CREATE TABLE publication_reader (
  publication_id   BIGINT       NOT NULL REFERENCES publication (id),
  reader_key       VARCHAR(100) NOT NULL,
  read_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (publication_id, reader_key)
);
