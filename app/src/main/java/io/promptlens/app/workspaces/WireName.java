package io.promptlens.app.workspaces;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An enum that is written on the wire (JSON, forms, the database) as its name in lower case, and
 * read back from it whatever the case and surrounding spaces: a role, a safety action.
 */
public interface WireName {

  /** The enum constant's name (implemented by every enum). */
  String name();

  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param what the value's name in the 400's message ("role")
   * @throws WorkspaceProblem 400 for an unknown value, listing the known ones
   */
  static <E extends Enum<E> & WireName> E parse(
      Class<E> type, @Nullable String value, String what) {
    if (value != null) {
      try {
        return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // answered below, as a missing value is
      }
    }
    List<String> known = Arrays.stream(type.getEnumConstants()).map(E::wireName).toList();
    throw WorkspaceProblem.badRequest(
        "Unknown "
            + what
            + " '"
            + value
            + "': use "
            + String.join(", ", known.subList(0, known.size() - 1))
            + " or "
            + known.get(known.size() - 1)
            + ".");
  }
}
