-- Server instances and the boundary changes each has loaded into its in-memory catalog (locator). A boundary
-- commit takes the next number of boundary_change_seq, tells every instance (PostgreSQL NOTIFY) and waits until
-- every live instance has loaded it, so that no instance places a case by outlines that are no longer current.
CREATE SEQUENCE boundary_change_seq;
CREATE TABLE catalog_instance (
  instance_id  VARCHAR(36) PRIMARY KEY,
  loaded_seq   BIGINT NOT NULL,
  heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
