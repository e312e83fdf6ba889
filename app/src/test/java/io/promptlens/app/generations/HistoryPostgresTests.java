package io.promptlens.app.generations;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link HistoryTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppIntegration
class HistoryPostgresTests extends HistoryTests {}
