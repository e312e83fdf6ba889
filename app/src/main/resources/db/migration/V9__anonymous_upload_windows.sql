-- Per-minute upload counters for callers without an account or key, so every instance enforces
-- the same limit. The client is kept only as the SHA-256 of its address, and rows older than a
-- few minutes are deleted (RateWindowHousekeeping): connection data, not a log.
CREATE TABLE anonymous_rate_windows (
    client_hash  CHAR(64)                 NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    requests     INTEGER                  NOT NULL,
    CONSTRAINT anonymous_rate_windows_pk PRIMARY KEY (client_hash, window_start)
);
