package io.promptlens.app.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The privacy settings ({@code promptlens.privacy.*}). The {@code /privacy} page is rendered from
 * these, so what the policy says and what the app does come from one place.
 *
 * @param controller who is responsible for the data (name and postal address)
 * @param contactEmail where people send privacy requests
 * @param dpoEmail the data protection officer's address
 * @param processors who processes data for us: hosting, database, payments, each with its place
 * @param transferMechanism the safeguard for transfers outside the EEA (e.g. the EU standard
 *     contractual clauses)
 * @param operators emails of the people who handle requests received by mail: they see {@code
 *     /privacy/requests}; a role above every workspace role, set only here
 * @param connectionLogRetention how long connection logs are kept (default 90 days)
 * @param anonymousRetention how long anonymous "try it" analyses and generations are kept (default
 *     30 days)
 * @param erasureGrace how long an erasure waits, cancellable by signing in (default 7 days)
 * @param closedAccountRetention how long the pseudonymous remains of an erased account are kept
 *     ("duration of the relationship + 3 years"; default 1,096 days)
 * @param exportInlineRows exports with more rows than this are built in the background and mailed
 *     as a one-time link (default 5,000)
 * @param exportLinkValidity how long a mailed export link works (default 7 days)
 * @param emailChangeValidity how long the link confirming a new email works (default 1 day)
 * @param providerLocations where each vision-language provider processes images, by provider id,
 *     for the sub-processor list of {@code /privacy}; a provider without an entry is shown as
 *     "location not configured"
 */
@ConfigurationProperties("promptlens.privacy")
record PrivacyProperties(
    @DefaultValue Controller controller,
    @DefaultValue("privacy@promptlens.invalid") String contactEmail,
    @DefaultValue("dpo@promptlens.invalid") String dpoEmail,
    @DefaultValue List<Processor> processors,
    @DefaultValue("the European Commission's standard contractual clauses (2021/914)")
        String transferMechanism,
    @DefaultValue List<String> operators,
    @DefaultValue("90d") Duration connectionLogRetention,
    @DefaultValue("30d") Duration anonymousRetention,
    @DefaultValue("7d") Duration erasureGrace,
    @DefaultValue("1096d") Duration closedAccountRetention,
    @DefaultValue("5000") int exportInlineRows,
    @DefaultValue("7d") Duration exportLinkValidity,
    @DefaultValue("1d") Duration emailChangeValidity,
    @DefaultValue Map<String, String> providerLocations) {

  record Controller(
      @DefaultValue("PromptLens (operator not configured)") String name,
      @DefaultValue("address not configured") String address) {}

  /**
   * @param role hosting, database, payments, mail, ...
   * @param name the company
   * @param location where the data is processed
   */
  record Processor(String role, String name, String location) {}

  boolean isOperator(String email) {
    return operators.stream().anyMatch(operator -> operator.strip().equalsIgnoreCase(email));
  }
}
