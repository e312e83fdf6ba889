package io.promptlens.vision.models;

/**
 * The state of one model in a store.
 *
 * @param model the manifest entry
 * @param state installed, missing or corrupt
 * @param detail one line: the first missing or mismatching file, or empty when installed
 * @param bytes total size of the model's files as pinned
 */
public record ModelStatus(ModelManifest.Model model, State state, String detail, long bytes) {

  /** Whether a model can be used. */
  public enum State {
    INSTALLED,
    MISSING,
    CORRUPT;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public boolean installed() {
    return state == State.INSTALLED;
  }
}
