package io.promptlens.app.billing;

import io.promptlens.app.support.PostgresBillingIntegration;

/** {@link CreditChargeTests} again on PostgreSQL, the race for the last credits included. */
@PostgresBillingIntegration
class CreditChargePostgresTests extends CreditChargeTests {}
