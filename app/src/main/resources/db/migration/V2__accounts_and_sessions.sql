-- Accounts, sign-in state and the HTTP sessions. Portable SQL: H2 and PostgreSQL.
-- Every table with personal data names its user (users.id) or the email it belongs to, so a privacy
-- export or erasure can find every row.

CREATE TABLE users (
    id                UUID                     NOT NULL PRIMARY KEY,
    email             VARCHAR(320)             NOT NULL,
    first_name        VARCHAR(100)             NOT NULL,
    last_name         VARCHAR(100)             NOT NULL,
    password_hash     VARCHAR(100)             NOT NULL,
    email_verified_at TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Emails are stored lower-cased, so this is a case-insensitive uniqueness rule.
CREATE UNIQUE INDEX users_email_idx ON users (email);

-- Single-use links sent by mail (verify email, reset password). Only the SHA-256 of the token is
-- kept, so a database leak does not leak working links.
CREATE TABLE account_tokens (
    token_hash CHAR(64)                 NOT NULL PRIMARY KEY,
    user_id    UUID                     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    VARCHAR(16)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX account_tokens_user_idx ON account_tokens (user_id);

-- Sign-in attempts, for throttling across every instance. Keyed by the (lower-cased) email typed,
-- which is how they trace to a user; attempts on unknown emails trace to nobody.
CREATE TABLE sign_in_attempts (
    id           UUID                     NOT NULL PRIMARY KEY,
    email        VARCHAR(320)             NOT NULL,
    succeeded    BOOLEAN                  NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX sign_in_attempts_email_idx ON sign_in_attempts (email, attempted_at);

-- Remember-me tokens (Spring Security's JdbcTokenRepositoryImpl); username is the user's id.
CREATE TABLE persistent_logins (
    username  VARCHAR(64) NOT NULL,
    series    VARCHAR(64) NOT NULL PRIMARY KEY,
    token     VARCHAR(64) NOT NULL,
    last_used TIMESTAMP   NOT NULL
);

CREATE INDEX persistent_logins_username_idx ON persistent_logins (username);

-- HTTP sessions (Spring Session JDBC), so any instance can serve any request.
-- PRINCIPAL_NAME is the user's id.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BYTEA        NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
);
