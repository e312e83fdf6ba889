package io.promptlens.app.privacy;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link ExportTests} on PostgreSQL. */
@PostgresAppIntegration
class ExportPostgresTests extends ExportTests {}
