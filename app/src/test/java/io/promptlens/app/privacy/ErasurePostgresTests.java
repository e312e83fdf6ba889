package io.promptlens.app.privacy;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link ErasureTests} on PostgreSQL: the scan reads PostgreSQL's own schema. */
@PostgresAppIntegration
class ErasurePostgresTests extends ErasureTests {}
