package io.promptlens.app.workspaces;

import java.util.List;
import java.util.UUID;

/**
 * What the signed-in header shows: the current workspace, its pages, and every workspace the person
 * belongs to for the switcher.
 *
 * @param current the workspace the pages of the header's links belong to
 * @param all the person's workspaces, personal first
 * @param section the page the request is on, so switching keeps it (the library of one workspace
 *     switches to the library of the other)
 */
public record WorkspaceHeader(Workspace current, List<Workspace> all, Section section) {

  /** The workspace pages the header links to, and where a switch lands from every other page. */
  public enum Section {
    HOME,
    HISTORY,
    LIBRARY,
    PRESETS,
    USAGE,
    SETTINGS,
    OTHER;

    static Section of(String path) {
      if (path.equals("/")) {
        return HOME;
      }
      if (path.equals("/history")) {
        return HISTORY;
      }
      if (path.matches("/workspaces/[^/]+/library(/.*)?")) {
        return LIBRARY;
      }
      if (path.matches("/workspaces/[^/]+/presets(/.*)?")) {
        return PRESETS;
      }
      if (path.matches("/workspaces/[^/]+/usage")) {
        return USAGE;
      }
      if (path.matches("/workspaces/[^/]+")) {
        return SETTINGS;
      }
      return OTHER;
    }
  }

  public String history() {
    return "/history?workspace=" + current.id();
  }

  public String library() {
    return base(current.id()) + "/library";
  }

  public String presets() {
    return base(current.id()) + "/presets";
  }

  public String usage() {
    return base(current.id()) + "/usage";
  }

  public String settings() {
    return base(current.id());
  }

  /**
   * Where choosing {@code other} in the switcher goes: the same page of that workspace; from the
   * home page the home page with that workspace chosen for saving; from any other page (account,
   * API keys, which a viewer may not open) its history.
   */
  public String switchTo(Workspace other) {
    UUID id = other.id();
    return switch (section) {
      case HOME -> "/?workspace=" + id;
      case LIBRARY -> base(id) + "/library";
      case PRESETS -> base(id) + "/presets";
      case USAGE -> base(id) + "/usage";
      case SETTINGS -> base(id);
      case HISTORY, OTHER -> "/history?workspace=" + id;
    };
  }

  public boolean isCurrent(Workspace workspace) {
    return workspace.id().equals(current.id());
  }

  private static String base(UUID id) {
    return "/workspaces/" + id;
  }
}
