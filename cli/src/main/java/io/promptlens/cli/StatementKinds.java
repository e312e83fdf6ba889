package io.promptlens.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one table from a prompt phrase's analysis source (its {@code anatomy} entry) to the checkable
 * statement it makes, in the kinds of {@code shared/STATEMENTS.md}. A source the table does not
 * know, or a known source with wording it does not know, is an <em>unscored kind</em>: counted and
 * shown, never a failure, so the compiler can grow new phrases before the evaluation learns to
 * judge them. Sources that describe colour, tone or contrast are not claims about content and are
 * deliberately not checkable.
 */
final class StatementKinds {

  /** A claim of one kind: a label column and the value the phrase asserts for it. */
  record Claim(String kind, String value) {}

  /**
   * What one phrase says: its claims, or none with {@code unscoredKind} set when the table cannot
   * read it (null when the phrase is simply not a checkable statement).
   */
  record Reading(List<Claim> claims, @Nullable String unscoredKind) {

    static Reading of(String kind, String value) {
      return new Reading(List.of(new Claim(kind, value)), null);
    }

    static Reading notCheckable() {
      return new Reading(List.of(), null);
    }

    static Reading unknown(String key) {
      return new Reading(List.of(), key);
    }
  }

  private record Rule(Pattern source, Function<String, Reading> read) {}

  private static final Pattern INDEX = Pattern.compile("\\[\\d+\\]");

  /** First match wins; sources are matched whole, with list indices as {@code [n]}. */
  private static final List<Rule> RULES =
      List.of(
          rule("scene\\.labels\\[n\\]", StatementKinds::sceneLabel),
          rule("subjects\\[n\\]\\.label|subject\\.named", StatementKinds::named),
          rule("people\\.count", StatementKinds::people),
          rule("composition\\.shotScale", StatementKinds::shotScale),
          // A subject's box gives either the shot scale or "centered composition" (not a claim).
          rule("subjects\\[n\\]\\.box", StatementKinds::boxPhrase),
          rule("composition\\.cameraAngle", StatementKinds::cameraAngle),
          rule("medium\\.label", StatementKinds::medium),
          rule("light\\.backlit", text -> Reading.of("backlit", "true")),
          rule("light\\.silhouette", text -> Reading.of("silhouette", "true")),
          rule("light\\.timeOfDay", StatementKinds::timeOfDay),
          rule("focus\\.depthOfField", StatementKinds::depthOfField),
          rule("focus\\.bokeh", text -> Reading.of("bokeh", "true")),
          rule("focus\\.grain", text -> Reading.of("grain", "true")),
          rule("text\\.content", text -> Reading.of("objects", "text")),
          rule(
              "color\\..*|light\\.(key|contrast|hardness)|focus\\.(motionBlur|vignette)"
                  + "|composition\\.(subjectPosition|leadingLines)|medium\\.styles\\[n\\]"
                  + "|subject\\.described.*|target\\..*|controls\\..*|default",
              text -> Reading.notCheckable()));

  private StatementKinds() {}

  private static Rule rule(String source, Function<String, Reading> read) {
    return new Rule(Pattern.compile(source), read);
  }

  /** {@code scene.labels[3]} becomes {@code scene.labels[n]}: the shape the table matches. */
  static String shape(String source) {
    return INDEX.matcher(source == null ? "" : source).replaceAll("[n]");
  }

  /** What the phrase {@code text}, taken from {@code source}, claims. */
  static Reading read(String source, String text) {
    String shape = shape(source);
    String words = normalised(text);
    for (Rule rule : RULES) {
      if (rule.source().matcher(shape).matches()) {
        Reading reading = rule.read().apply(words);
        // A known source with unknown wording is named by both, so the gap is visible.
        return reading.unscoredKind() == null
            ? reading
            : Reading.unknown(shape + ": " + reading.unscoredKind());
      }
    }
    return Reading.unknown(shape);
  }

  /** Lower case, weights and articles gone: "(An outdoor setting:1.2)" reads "outdoor setting". */
  static String normalised(String text) {
    String s = text == null ? "" : text.toLowerCase(Locale.ROOT).strip();
    s = s.replaceAll("^\\(+|\\)+$", "").replaceAll(":[0-9.]+$", "").strip();
    return s.replaceFirst("^(a|an|the) ", "").strip();
  }

  private static Reading sceneLabel(String words) {
    return switch (words.replaceFirst(" setting$", "")) {
      case "outdoor", "outdoors" -> Reading.of("outdoor", "true");
      case "indoor", "indoors" -> Reading.of("indoor", "true");
      case "sky", "the sky", "open sky" -> Reading.of("sky", "true");
      case "clouds", "cloudy sky" -> Reading.of("clouds", "true");
      case "water" -> Reading.of("water", "true");
      case "vegetation" -> Reading.of("vegetation", "true");
      case "snow" -> Reading.of("snow", "true");
      case "sand" -> Reading.of("sand", "true");
      case "night sky" ->
          new Reading(List.of(new Claim("sky", "true"), new Claim("night", "true")), null);
      // "A page of text" says what the picture is, not that it holds some writing.
      case "text page", "page of text", "document" -> Reading.of("medium", "document");
      default -> Reading.unknown(words);
    };
  }

  private static final Pattern COUNT =
      Pattern.compile("(\\d+|one|two|three|four|five) (people|persons|men|women)(.*)");

  /** A detector class or a named subject: people are counted, everything else is an object. */
  private static Reading named(String words) {
    if (words.matches("(person|man|woman|child|boy|girl)( in front of (a )?crowd)?")
        || COUNT.matcher(words).matches()
        || words.equals("crowd")) {
      return people(words);
    }
    if (words.matches("(page|pages) of .*|text page|document")) {
      return Reading.of("medium", "document");
    }
    // A screenshot is a flat graphic (shared/STATEMENTS.md's medium list).
    if (words.matches("screenshot( of .*)?")) {
      return Reading.of("medium", "graphic");
    }
    if (words.matches("text|printed text|handwriting|writing|sign")) {
      return Reading.of("objects", "text");
    }
    // Detector classes are one to three words; a longer phrase is a provider's description, which
    // a class list cannot judge.
    if (words.isEmpty() || words.split(" ").length > 3) {
      return Reading.unknown("free description");
    }
    return Reading.of("objects", words);
  }

  /** "a person" is 1, "9 people" is 9, "a person in front of a crowd" is 1+crowd. */
  private static Reading people(String words) {
    boolean crowd = words.contains("crowd");
    if (words.equals("crowd")) {
      return Reading.of("people", "crowd");
    }
    Matcher count = COUNT.matcher(words);
    String n;
    if (count.matches()) {
      n =
          switch (count.group(1)) {
            case "one" -> "1";
            case "two" -> "2";
            case "three" -> "3";
            case "four" -> "4";
            case "five" -> "5";
            default -> count.group(1);
          };
    } else if (words.matches("(person|man|woman|child|boy|girl).*")) {
      n = "1";
    } else {
      return Reading.unknown(words);
    }
    return Reading.of("people", crowd ? n + "+crowd" : n);
  }

  private static Reading shotScale(String words) {
    String scale = words.replaceFirst(" shot$", "");
    return switch (scale) {
      case "close-up", "extreme close-up", "close up", "macro" ->
          Reading.of("shot_scale", "close-up");
      case "medium", "medium close-up", "medium wide" -> Reading.of("shot_scale", "medium");
      case "wide", "long", "establishing", "extreme wide" -> Reading.of("shot_scale", "wide");
      default -> Reading.unknown(words);
    };
  }

  private static Reading boxPhrase(String words) {
    return words.endsWith("composition") ? Reading.notCheckable() : shotScale(words);
  }

  private static Reading cameraAngle(String words) {
    return switch (words.replaceFirst(" (shot|view)$", "")) {
      case "low angle", "low-angle" -> Reading.of("camera_angle", "low");
      case "high angle", "high-angle" -> Reading.of("camera_angle", "high");
      case "top-down", "overhead", "bird's-eye" -> Reading.of("camera_angle", "top-down");
      case "eye level", "eye-level" -> Reading.of("camera_angle", "eye");
      default -> Reading.unknown(words);
    };
  }

  private static Reading medium(String words) {
    return switch (words) {
      case "photograph", "photo", "photorealistic" -> Reading.of("medium", "photo");
      case "painting", "traditional media", "oil painting" -> Reading.of("medium", "painting");
      case "digital illustration", "illustration", "drawing" ->
          Reading.of("medium", "illustration");
      case "3d render", "3d" -> Reading.of("medium", "3d_render");
      case "flat graphic design", "flat color", "graphic design" -> Reading.of("medium", "graphic");
      case "document", "text focus" -> Reading.of("medium", "document");
      default -> Reading.unknown(words);
    };
  }

  private static Reading timeOfDay(String words) {
    if (words.startsWith("golden hour")) {
      return Reading.of("golden_hour", "true");
    }
    if (words.startsWith("blue hour")) {
      return Reading.of("blue_hour", "true");
    }
    if (words.startsWith("night")) {
      return Reading.of("night", "true");
    }
    return Reading.unknown(words);
  }

  private static Reading depthOfField(String words) {
    if (words.startsWith("shallow")) {
      return Reading.of("shallow_dof", "true");
    }
    if (words.startsWith("deep")) {
      return Reading.of("shallow_dof", "false");
    }
    return Reading.unknown(words);
  }
}
