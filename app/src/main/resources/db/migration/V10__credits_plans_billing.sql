-- Credits, plans and payments (issue 12). Portable SQL: H2 (PostgreSQL mode) and PostgreSQL.
-- Every row names its workspace, and every ledger row the member (user_id) or API key
-- (api_key_id) that caused it, as columns, so privacy export and erasure can find them.

-- The append-only ledger: the balance of a workspace is the sum of its amounts. dedupe_key makes
-- an external fact (a Polar order, a monthly grant of one cycle) count once however often it is
-- delivered.
CREATE TABLE credit_ledger (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    kind         VARCHAR(16)              NOT NULL,
    amount       BIGINT                   NOT NULL,
    user_id      UUID                     REFERENCES users (id),
    api_key_id   UUID                     REFERENCES api_keys (id),
    operation    VARCHAR(40),
    operation_id VARCHAR(100),
    reason       VARCHAR(500)             NOT NULL,
    dedupe_key   VARCHAR(200),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credit_ledger_kind_check
        CHECK (kind IN ('grant', 'purchase', 'usage', 'refund', 'adjustment', 'expiry'))
);

CREATE UNIQUE INDEX credit_ledger_dedupe_idx ON credit_ledger (dedupe_key);
CREATE INDEX credit_ledger_workspace_idx ON credit_ledger (workspace_id, created_at);
CREATE INDEX credit_ledger_user_idx ON credit_ledger (user_id);

-- The cached balance, changed only in the transaction that appends to the ledger. reserved is what
-- open reservations hold; monthly_remaining is the part of the balance that came from this cycle's
-- grant and expires at its end (usage spends it first; purchased packs never expire). The checks
-- make an overdraft impossible even for a bug.
CREATE TABLE credit_balances (
    workspace_id      UUID                     NOT NULL PRIMARY KEY
                          REFERENCES workspaces (id) ON DELETE CASCADE,
    balance           BIGINT                   NOT NULL,
    reserved          BIGINT                   NOT NULL,
    monthly_remaining BIGINT                   NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credit_balances_not_overdrawn
        CHECK (reserved >= 0 AND balance >= reserved AND monthly_remaining >= 0
               AND monthly_remaining <= balance)
);

-- Credits held for work in progress: reserved before the work, settled (a usage row in the ledger)
-- on success, released on failure; a reservation a crash left behind expires (BillingHousekeeping).
CREATE TABLE credit_reservations (
    id           UUID                     NOT NULL PRIMARY KEY,
    workspace_id UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id      UUID                     REFERENCES users (id),
    api_key_id   UUID                     REFERENCES api_keys (id),
    operation    VARCHAR(40)              NOT NULL,
    amount       BIGINT                   NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credit_reservations_state_check
        CHECK (state IN ('held', 'settled', 'released', 'expired'))
);

CREATE INDEX credit_reservations_held_idx ON credit_reservations (state, expires_at);

-- A workspace's plan and billing cycle. Free workspaces get their row on first use; a Polar
-- subscription sets plan, status, seats and period. source_modified_at is the subscription's own
-- modified_at: an older event never overwrites a newer state.
CREATE TABLE workspace_plans (
    workspace_id          UUID                     NOT NULL PRIMARY KEY
                              REFERENCES workspaces (id) ON DELETE CASCADE,
    plan                  VARCHAR(32)              NOT NULL,
    status                VARCHAR(32)              NOT NULL,
    seats                 INTEGER,
    cycle_start           TIMESTAMP WITH TIME ZONE NOT NULL,
    cycle_end             TIMESTAMP WITH TIME ZONE NOT NULL,
    cancel_at_period_end  BOOLEAN                  NOT NULL,
    polar_customer_id     VARCHAR(100),
    polar_subscription_id VARCHAR(100),
    source_modified_at    TIMESTAMP WITH TIME ZONE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Webhook deliveries already processed (the webhook-id header): a replay is acknowledged, not
-- processed again.
CREATE TABLE polar_webhook_events (
    webhook_id  VARCHAR(200)             NOT NULL PRIMARY KEY,
    event_type  VARCHAR(100)             NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Paid Polar orders and what they granted, so a refund takes back its share exactly once.
CREATE TABLE polar_orders (
    order_id         VARCHAR(100)             NOT NULL PRIMARY KEY,
    workspace_id     UUID                     NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    product_id       VARCHAR(100),
    billing_reason   VARCHAR(40)              NOT NULL,
    credits          BIGINT                   NOT NULL,
    total_amount     BIGINT                   NOT NULL,
    refunded_amount  BIGINT                   NOT NULL,
    credits_refunded BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Each Polar refund once (refund.created), to add up partial refunds of one order.
CREATE TABLE polar_refunds (
    refund_id  VARCHAR(100)             NOT NULL PRIMARY KEY,
    order_id   VARCHAR(100)             NOT NULL,
    amount     BIGINT                   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Per-day "try it" counters per client address (SHA-256 only), the same shape as the per-minute
-- anonymous_rate_windows and counted by the same code (MinuteWindows with a one-day window); rows
-- older than two days are deleted (RateWindowHousekeeping).
CREATE TABLE anonymous_daily_windows (
    client_hash  CHAR(64)                 NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    requests     INTEGER                  NOT NULL,
    CONSTRAINT anonymous_daily_windows_pk PRIMARY KEY (client_hash, window_start)
);
