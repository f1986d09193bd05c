-- Wrong passwords per account and source address (staff module). Five from one address keep that address from
-- signing in as that account for a while; only a much larger count over all addresses locks the account as a whole
-- (staff_user.failed_attempts / locked_until), so that knowing a username is not enough to lock its owner out.
CREATE TABLE login_failure (
    user_id        BIGINT NOT NULL REFERENCES staff_user (id),
    -- the client's address as the trusted proxy forwards it (or as it connected), '-' when unknown
    source         TEXT NOT NULL,
    -- consecutive wrong passwords from this source since its last lock, success or reset
    failures       INT NOT NULL DEFAULT 0,
    locked_until   TIMESTAMPTZ,
    last_failed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, source)
);
