package io.promptlens.app.batches;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link BatchApiTests} again, on PostgreSQL. */
@PostgresAppIntegration
class BatchApiPostgresTests extends BatchApiTests {}
