package io.promptlens.app.workspaces;

import java.util.UUID;

/**
 * What a workspace's plan allows, asked by this package without knowing about plans: billing
 * implements it (so workspaces depend on no feature). Each check throws a {@link WorkspaceProblem}
 * whose detail says what the plan allows and how to get more.
 */
public interface WorkspaceLimits {

  /**
   * @param taken members plus open invitations, before the new invitation
   */
  void checkSeat(UUID workspaceId, int taken);

  void checkApiKeys(UUID workspaceId);

  void checkThumbnails(UUID workspaceId);

  /** No limits: the app without billing. */
  WorkspaceLimits NONE =
      new WorkspaceLimits() {
        @Override
        public void checkSeat(UUID workspaceId, int taken) {}

        @Override
        public void checkApiKeys(UUID workspaceId) {}

        @Override
        public void checkThumbnails(UUID workspaceId) {}
      };
}
