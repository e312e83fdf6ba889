package io.promptlens.app.accounts;

import io.promptlens.app.support.PostgresAppTest;

/** {@link AccountTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppTest
class AccountPostgresTests extends AccountTests {}
