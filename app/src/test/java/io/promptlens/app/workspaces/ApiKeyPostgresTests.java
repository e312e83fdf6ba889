package io.promptlens.app.workspaces;

import io.promptlens.app.support.PostgresAppTest;

/** {@link ApiKeyTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppTest
class ApiKeyPostgresTests extends ApiKeyTests {}
