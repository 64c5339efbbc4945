-- Failed sign-ins counted per key instead of per login name: a login name from one client address
-- ('pair:'), a client address over all names ('address:') and a login name over all addresses
-- ('account:', for spotting sustained attacks; it delays nobody). A key whose count is past its free
-- attempts waits until next_attempt_at, a delay that doubles with each further failure; nothing is
-- locked outright, so failures from one address never refuse the owner signing in from another.
DROP TABLE login_throttle;

CREATE TABLE sign_in_throttle (
    throttle_key     VARCHAR(200)             NOT NULL,
    failure_count    INTEGER                  NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sign_in_throttle PRIMARY KEY (throttle_key)
);
CREATE INDEX ix_sign_in_throttle_last_failure ON sign_in_throttle (last_failure_at);
