package io.promptlens.app.workspaces;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link WorkspaceTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppIntegration
class WorkspacePostgresTests extends WorkspaceTests {}
