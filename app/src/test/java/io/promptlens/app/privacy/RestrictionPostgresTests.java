package io.promptlens.app.privacy;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link RestrictionTests} on PostgreSQL. */
@PostgresAppIntegration
class RestrictionPostgresTests extends RestrictionTests {}
