-- Notifications (issue 17, part C): what people follow and how they want to be told.
-- subscription: an account following a case (kind CASE, target = the case's public id) or an area (kind AREA, target =
-- area code; a notice for an area reaches the subscribers of that area and of every area inside it); channel: null =
-- the person's chosen channel. One subscription per account, kind and target.
CREATE SEQUENCE subscription_seq INCREMENT BY 50;
CREATE TABLE subscription (
  id          BIGINT PRIMARY KEY,
  username    VARCHAR(40)  NOT NULL,
  kind        VARCHAR(8)   NOT NULL CHECK (kind IN ('CASE', 'AREA')),
  target      VARCHAR(40)  NOT NULL,
  channel     VARCHAR(20),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT subscription_once UNIQUE (username, kind, target)
);
CREATE INDEX subscription_target_idx ON subscription (kind, target);

-- notification_preference: one row per account that chose something; an account without one is told in Chinese
-- through the LOG channel with the deployment's quiet hours. opt_out: comma-separated template names or ALL;
-- channel LOG | WEBHOOK | SMS | WECHAT; webhook_url for WEBHOOK; quiet_hours 'HH:mm-HH:mm' in the district's zone
-- (null = the deployment's); language zh | en.
CREATE TABLE notification_preference (
  username     VARCHAR(40)  PRIMARY KEY,
  language     VARCHAR(5)   NOT NULL,
  channel      VARCHAR(20)  NOT NULL,
  webhook_url  VARCHAR(400),
  opt_out      VARCHAR(1000) NOT NULL,
  quiet_hours  VARCHAR(11),
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
