package io.promptlens.models.tfjs;

import java.io.IOException;
import java.util.Base64;

/**
 * Reads TF.js models that a package ships as browserified JavaScript (nsfwjs's {@code model.min.js}
 * and {@code group1-shardNofM.min.js}): the model is a JavaScript object literal (unquoted keys,
 * {@code !0}/{@code !1} for booleans, numbers like {@code .5}) that is rewritten as JSON, and each
 * shard is one base64 string literal. Nothing is evaluated.
 */
final class JsBundle {

  private JsBundle() {}

  /** The model.json text inside a bundled model. */
  static String modelJson(String js) throws IOException {
    int start = js.indexOf("{format:\"graph-model\"");
    if (start < 0) {
      throw new IOException("no TF.js graph model literal in the bundle");
    }
    StringBuilder json = new StringBuilder();
    int depth = 0;
    int i = start;
    char previous = 0;
    while (i < js.length()) {
      char c = js.charAt(i);
      if (c == '"') {
        int end = i + 1;
        while (js.charAt(end) != '"') {
          end += js.charAt(end) == '\\' ? 2 : 1;
        }
        json.append(js, i, end + 1);
        i = end + 1;
        previous = '"';
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
      if (c == '!' && i + 1 < js.length() && (js.charAt(i + 1) == '0' || js.charAt(i + 1) == '1')) {
        json.append(js.charAt(i + 1) == '0' ? "true" : "false");
        i += 2;
        previous = 'e';
        continue;
      }
      if (c == '.' && (previous == ':' || previous == ',' || previous == '[' || previous == '-')) {
        json.append('0');
      }
      if ((Character.isLetter(c) || c == '_' || c == '$') && (previous == '{' || previous == ',')) {
        int end = i;
        while (Character.isLetterOrDigit(js.charAt(end))
            || js.charAt(end) == '_'
            || js.charAt(end) == '$') {
          end++;
        }
        if (js.charAt(end) == ':') {
          json.append('"').append(js, i, end).append('"');
          i = end;
          previous = '"';
          continue;
        }
      }
      json.append(c);
      if (!Character.isWhitespace(c)) {
        previous = c;
      }
      i++;
      if (depth == 0) {
        return json.toString();
      }
    }
    throw new IOException("unterminated model literal in the bundle");
  }

  /** The bytes of a bundled weight shard: its longest string literal, base64-decoded. */
  static byte[] shard(String js) throws IOException {
    int bestStart = -1;
    int bestEnd = -1;
    int i = 0;
    while ((i = js.indexOf('"', i)) >= 0) {
      int end = js.indexOf('"', i + 1);
      if (end < 0) {
        break;
      }
      if (end - i > bestEnd - bestStart) {
        bestStart = i + 1;
        bestEnd = end;
      }
      i = end + 1;
    }
    if (bestStart < 0) {
      throw new IOException("no weight data in the bundle");
    }
    try {
      return Base64.getDecoder().decode(js.substring(bestStart, bestEnd));
    } catch (IllegalArgumentException e) {
      throw new IOException("the bundle's weight data is not base64", e);
    }
  }
}
