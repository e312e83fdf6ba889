package io.promptlens.app.library;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link LibraryTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppIntegration
class LibraryPostgresTests extends LibraryTests {}
