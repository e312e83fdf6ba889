package io.promptlens.app.generations;

import io.promptlens.app.support.PostgresAppTest;

/** {@link HistoryTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppTest
class HistoryPostgresTests extends HistoryTests {}
