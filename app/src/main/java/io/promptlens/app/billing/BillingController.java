package io.promptlens.app.billing;

import io.promptlens.app.workspaces.Caller;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.Workspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's credits, usage and purchases: balance and plan for anyone who can see the
 * workspace; checkout and the customer portal for owners and admins (billing is a workspace
 * setting); usage as JSON or CSV.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
record BillingController(
    Workspaces workspaces, Credits credits, Checkout checkout, UsageReport usage, Clock clock) {

  record CreditsResponse(
      long balance, long reserved, long available, long expiring, Entitlements plan) {}

  record CheckoutRequest(@Nullable String product) {}

  record RedirectResponse(String url) {}

  @GetMapping("/credits")
  CreditsResponse credits(Caller caller, @PathVariable UUID workspaceId) {
    workspaces.require(workspaceId, caller, Permission.VIEW);
    Credits.CreditBalance balance = credits.balance(workspaceId);
    return new CreditsResponse(
        balance.balance(),
        balance.reserved(),
        balance.available(),
        balance.expiring(),
        credits.entitlements(workspaceId));
  }

  @PostMapping(path = "/billing/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
  RedirectResponse checkout(
      Caller caller, @PathVariable UUID workspaceId, @RequestBody CheckoutRequest request) {
    workspaces.require(workspaceId, caller, Permission.MANAGE_SETTINGS);
    return new RedirectResponse(checkout.checkout(workspaceId, request.product()));
  }

  @PostMapping("/billing/portal")
  RedirectResponse portal(Caller caller, @PathVariable UUID workspaceId) {
    workspaces.require(workspaceId, caller, Permission.MANAGE_SETTINGS);
    return new RedirectResponse(checkout.portal(workspaceId));
  }

  /** {@code ?format=csv} for the ledger rows as CSV. */
  @GetMapping("/usage")
  ResponseEntity<?> usage(
      Caller caller,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String format) {
    workspaces.require(workspaceId, caller, Permission.VIEW);
    LocalDate[] range = UsageReport.range(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    UsageReport.Usage report = usage.usage(workspaceId, range[0], range[1]);
    if ("csv".equalsIgnoreCase(format)) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
          .header(
              "Content-Disposition",
              "attachment; filename=\"usage-" + range[0] + "-" + range[1] + ".csv\"")
          .body(UsageCsv.write(report));
    }
    return ResponseEntity.ok(
        Map.of(
            "from", report.from().toString(),
            "to", report.to().toString(),
            "used", report.used(),
            "perMemberPerDay", report.perMemberPerDay(),
            "entries", limit(report.entries())));
  }

  private static List<UsageReport.Entry> limit(List<UsageReport.Entry> entries) {
    return entries.size() > 1000 ? entries.subList(0, 1000) : entries;
  }
}
