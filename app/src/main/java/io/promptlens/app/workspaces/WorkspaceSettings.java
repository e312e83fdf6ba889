package io.promptlens.app.workspaces;

/**
 * A workspace's settings, changed by its owner and admins.
 *
 * @param safetyAction what to do with images the safety classifier marks (default {@code warn})
 * @param thumbnails keep a small JPEG thumbnail with each generation made from an upload (default
 *     off: the image is otherwise never stored)
 */
public record WorkspaceSettings(SafetyAction safetyAction, boolean thumbnails) {

  public static final WorkspaceSettings DEFAULTS = new WorkspaceSettings(SafetyAction.WARN, false);
}
