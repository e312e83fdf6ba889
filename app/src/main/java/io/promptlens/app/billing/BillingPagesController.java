package io.promptlens.app.billing;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.WorkspacePages;
import io.promptlens.app.workspaces.Workspaces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's "Plan &amp; credits" page (plans, balance, packs; buying redirects to Polar's
 * checkout, "Manage billing" to Polar's customer portal) and its usage page (a chart of credits per
 * member per day drawn on the server, recent ledger entries, CSV export).
 */
@Controller
record BillingPagesController(
    Workspaces workspaces,
    Credits credits,
    Checkout checkout,
    UsageReport usage,
    BillingProperties properties,
    Clock clock,
    WorkspacePages pages) {

  @GetMapping("/workspaces/{workspaceId}/billing")
  String plan(
      @AuthenticationPrincipal AccountUser user, @PathVariable UUID workspaceId, Model model) {
    Member member = pages.open(user, workspaceId, Permission.VIEW, model);
    model.addAttribute("canBuy", member.role().can(Permission.MANAGE_SETTINGS));
    model.addAttribute("billingOn", properties.polar().configured());
    model.addAttribute("balance", credits.balance(workspaceId));
    model.addAttribute("plan", credits.entitlements(workspaceId));
    model.addAttribute("plans", properties.plans());
    model.addAttribute("packs", properties.packs());
    model.addAttribute("prices", properties.price());
    return "billing/plan";
  }

  @PostMapping("/workspaces/{workspaceId}/billing/checkout")
  String checkout(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String product) {
    workspaces.require(workspaceId, user, Permission.MANAGE_SETTINGS);
    return "redirect:" + checkout.checkout(workspaceId, product);
  }

  @PostMapping("/workspaces/{workspaceId}/billing/portal")
  String portal(@AuthenticationPrincipal AccountUser user, @PathVariable UUID workspaceId) {
    workspaces.require(workspaceId, user, Permission.MANAGE_SETTINGS);
    return "redirect:" + checkout.portal(workspaceId);
  }

  @GetMapping("/workspaces/{workspaceId}/usage")
  String usage(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Model model) {
    pages.open(user, workspaceId, Permission.VIEW, model);
    LocalDate[] range = UsageReport.range(from, to, LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    UsageReport.Usage report = usage.usage(workspaceId, range[0], range[1]);
    model.addAttribute("usage", report);
    model.addAttribute("chart", UsageChart.svg(report));
    model.addAttribute(
        "recent", report.entries().subList(0, Math.min(50, report.entries().size())));
    return "billing/usage";
  }
}
