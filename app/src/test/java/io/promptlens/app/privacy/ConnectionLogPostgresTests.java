package io.promptlens.app.privacy;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link ConnectionLogTests} on PostgreSQL. */
@PostgresAppIntegration
class ConnectionLogPostgresTests extends ConnectionLogTests {}
