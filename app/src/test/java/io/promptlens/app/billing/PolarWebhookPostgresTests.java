package io.promptlens.app.billing;

import io.promptlens.app.support.PostgresBillingIntegration;

/** {@link PolarWebhookTests} again on PostgreSQL. */
@PostgresBillingIntegration
class PolarWebhookPostgresTests extends PolarWebhookTests {}
