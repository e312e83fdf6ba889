package io.promptlens.app.presets;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link PresetTests} again, on PostgreSQL: the same SQL must hold on both databases. */
@PostgresAppIntegration
class PresetPostgresTests extends PresetTests {}
