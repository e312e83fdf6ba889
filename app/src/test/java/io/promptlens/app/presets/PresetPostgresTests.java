package io.promptlens.app.presets;

import io.promptlens.app.support.PostgresAppTest;

/** {@link PresetTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppTest
class PresetPostgresTests extends PresetTests {}
