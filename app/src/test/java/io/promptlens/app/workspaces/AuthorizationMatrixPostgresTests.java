package io.promptlens.app.workspaces;

import io.promptlens.app.support.PostgresAppTest;

/**
 * {@link AuthorizationMatrixTests} again, on PostgreSQL: the same SQL must hold on both databases.
 */
@PostgresAppTest
class AuthorizationMatrixPostgresTests extends AuthorizationMatrixTests {}
