package io.promptlens.app.privacy;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link RetentionTests} on PostgreSQL. */
@PostgresAppIntegration
class RetentionPostgresTests extends RetentionTests {}
