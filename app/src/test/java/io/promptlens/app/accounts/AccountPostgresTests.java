package io.promptlens.app.accounts;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link AccountTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppIntegration
class AccountPostgresTests extends AccountTests {}
