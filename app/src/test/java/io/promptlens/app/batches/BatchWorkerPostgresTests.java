package io.promptlens.app.batches;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link BatchWorkerTests} again, on PostgreSQL: the same guards must hold there. */
@PostgresAppIntegration
class BatchWorkerPostgresTests extends BatchWorkerTests {}
