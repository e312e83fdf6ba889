package io.promptlens.app.privacy;

import io.promptlens.app.support.PostgresAppIntegration;

/** {@link PersonalDataRegistryTests} on PostgreSQL's schema. */
@PostgresAppIntegration
class PersonalDataRegistryPostgresTests extends PersonalDataRegistryTests {}
