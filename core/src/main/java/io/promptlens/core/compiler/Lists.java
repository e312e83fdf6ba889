package io.promptlens.core.compiler;

import java.util.List;

/** English list joining: "a", "a and b", "a, b and c". */
final class Lists {

  private Lists() {}

  static String join(List<String> items) {
    return switch (items.size()) {
      case 0 -> "";
      case 1 -> items.get(0);
      default ->
          String.join(", ", items.subList(0, items.size() - 1))
              + " and "
              + items.get(items.size() - 1);
    };
  }
}
