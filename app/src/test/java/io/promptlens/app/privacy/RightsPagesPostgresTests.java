package io.promptlens.app.privacy;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link RightsPagesTests} on PostgreSQL. */
@PostgresAppIntegration
class RightsPagesPostgresTests extends RightsPagesTests {}
