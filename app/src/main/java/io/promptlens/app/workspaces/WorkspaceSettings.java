package io.promptlens.app.workspaces;

/**
 * A workspace's settings, changed by its owner and admins.
 *
 * @param safetyAction what to do with images the safety classifier marks (default {@code warn})
 * @param thumbnails keep a small JPEG thumbnail with each generation made from an upload (default
 *     off: the image is otherwise never stored)
 * @param visionProvider send uploads to the configured vision-language provider to be described
 *     (default off: images stay on the server; the privacy policy names the provider as
 *     sub-processor)
 */
public record WorkspaceSettings(
    SafetyAction safetyAction, boolean thumbnails, boolean visionProvider) {

  public static final WorkspaceSettings DEFAULTS =
      new WorkspaceSettings(SafetyAction.WARN, false, false);
}
