package io.promptlens.app.workspaces;

import io.promptlens.app.support.PostgresAppTest;

/** {@link WorkspaceTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppTest
class WorkspacePostgresTests extends WorkspaceTests {}
