package io.promptlens.core.analysis;

import java.util.HashSet;
import java.util.List;

/**
 * The analysis JSON names of an enum's constants, in declaration order. The JSON contract writes
 * and reads every enum by its {@code toString} ({@code AnalysisJson}); an enum whose names are
 * words with spaces or hyphens ("eye level", "top-down") keeps them here, checked once when the
 * enum is loaded, so the names and the constants cannot drift apart unnoticed.
 */
final class WireNames<E extends Enum<E>> {

  private final List<String> names;

  private WireNames(List<String> names) {
    this.names = names;
  }

  /**
   * The names of {@code type}'s constants, one per constant in declaration order.
   *
   * @throws IllegalStateException when the count differs or a name repeats
   */
  static <E extends Enum<E>> WireNames<E> of(Class<E> type, String... names) {
    E[] constants = type.getEnumConstants();
    if (constants.length != names.length || new HashSet<>(List.of(names)).size() != names.length) {
      throw new IllegalStateException(
          type.getSimpleName() + " needs one distinct wire name per constant");
    }
    return new WireNames<>(List.of(names));
  }

  /** The wire name of {@code value}. */
  String of(E value) {
    return names.get(value.ordinal());
  }
}
