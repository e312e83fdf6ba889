package io.promptlens.app.billing;

import io.promptlens.app.workspaces.WorkspaceLimits;
import io.promptlens.app.workspaces.WorkspaceProblem;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The plan's entitlements as the workspaces package asks for them (seats, keys, thumbnails). */
@Component
class PlanLimits implements WorkspaceLimits {

  private final Credits credits;

  PlanLimits(Credits credits) {
    this.credits = credits;
  }

  @Override
  public void checkSeat(UUID workspaceId, int taken) {
    Entitlements plan = credits.entitlements(workspaceId);
    if (taken >= plan.seats()) {
      throw WorkspaceProblem.conflict(
          "The "
              + plan.planName()
              + " plan has "
              + plan.seats()
              + " seats and all are taken (members and open invitations). Upgrade on the Plan &"
              + " credits page, or remove a member or an invitation first.");
    }
  }

  @Override
  public void checkApiKeys(UUID workspaceId) {
    Entitlements plan = credits.entitlements(workspaceId);
    if (!plan.apiKeys()) {
      throw WorkspaceProblem.forbidden(
          "The " + plan.planName() + " plan has no API keys. Upgrade on the Plan & credits page.");
    }
  }

  @Override
  public void checkThumbnails(UUID workspaceId) {
    Entitlements plan = credits.entitlements(workspaceId);
    if (!plan.thumbnails()) {
      throw WorkspaceProblem.forbidden(
          "The "
              + plan.planName()
              + " plan keeps no thumbnails. Upgrade on the Plan & credits page.");
    }
  }
}
