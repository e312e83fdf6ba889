package io.promptlens.app.workspaces;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link ApiKeyLifecycleTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppIntegration
class ApiKeyLifecyclePostgresTests extends ApiKeyLifecycleTests {}
