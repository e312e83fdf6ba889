package io.promptlens.app.library;

import io.promptlens.app.support.PostgresAppTest;

/** {@link LibraryTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppTest
class LibraryPostgresTests extends LibraryTests {}
