package io.promptlens.app.workspaces;

/** What a role may do in its workspace; the matrix is {@link Role#can} and docs/permissions. */
public enum Permission {
  /** See the workspace, its members, history, generations and analyses. */
  VIEW,
  /** Analyse, generate, re-target: add to the workspace. */
  CREATE,
  /** Invite, revoke invitations, change roles and remove members (never the owner). */
  MANAGE_MEMBERS,
  /** Create, list and revoke the workspace's API keys. */
  MANAGE_KEYS,
  /** Change the workspace's settings (safety action, thumbnails). */
  MANAGE_SETTINGS,
  /** Hand the workspace to another member. */
  TRANSFER_OWNERSHIP
}
