package io.promptlens.app.presets;

import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.DepthOfField;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.SubjectPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A brand style: what a team wants every picture of a campaign to share. Every field but the
 * palette may be null (no opinion); enum-like fields use the analysis JSON's wire names.
 *
 * @param palette up to 8 colours with their share of the picture (shares are normalised)
 * @param lightKey {@code low}, {@code mid} or {@code high}
 * @param contrast {@code low}, {@code medium} or {@code high}
 * @param medium {@code photo}, {@code illustration}, {@code painting}, {@code 3d_render}, {@code
 *     graphic}
 * @param lens free text kept in every prompt, e.g. "85mm portrait lens, shallow depth of field"
 * @param composition where the subject sits, a subject position's wire name: "center", "left
 *     third", …
 * @param mood words kept in every prompt, e.g. "calm", "optimistic"
 * @param avoid phrases sent as negatives, e.g. "text", "neon"
 */
record StyleSpec(
    List<Swatch> palette,
    @Nullable String lightKey,
    @Nullable String contrast,
    @Nullable String medium,
    @Nullable String lens,
    @Nullable String composition,
    List<String> mood,
    List<String> avoid) {

  static final int MAX_COLOURS = 8;
  private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

  /** A colour; a missing share counts as 1 before the shares are normalised. */
  record Swatch(String hex, @Nullable Double share) {
    public double weight() {
      return share == null ? 1 : share;
    }
  }

  StyleSpec {
    palette = palette == null ? List.of() : List.copyOf(palette);
    mood = mood == null ? List.of() : List.copyOf(mood);
    avoid = avoid == null ? List.of() : List.copyOf(avoid);
  }

  /** The style an image was measured to have. */
  static StyleSpec of(ImageAnalysis analysis) {
    List<Swatch> palette = new ArrayList<>();
    for (PaletteColor colour : analysis.color().palette()) {
      if (palette.size() < MAX_COLOURS) {
        palette.add(new Swatch(colour.hex(), colour.share()));
      }
    }
    DepthOfField dof = analysis.focus().depthOfField();
    SubjectPosition position = analysis.composition().subjectPosition();
    return new StyleSpec(
        palette,
        known(analysis.light().key().toString()),
        known(analysis.light().contrast().toString()),
        known(analysis.medium().label().toString()),
        dof == null ? null : dof + " depth of field",
        position == null ? null : position.toString(),
        List.of(),
        List.of());
  }

  /**
   * A copy with values checked and normalised: upper-case hex, shares summing to 1, lower-case
   * names, blank text as null.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  StyleSpec validated() {
    if (palette.isEmpty() || palette.size() > MAX_COLOURS) {
      throw new IllegalArgumentException(
          "A style needs 1 to " + MAX_COLOURS + " palette colours like {\"hex\": \"#D93A2B\"}.");
    }
    double total = 0;
    for (Swatch swatch : palette) {
      if (swatch.hex() == null || !HEX.matcher(swatch.hex()).matches()) {
        throw new IllegalArgumentException(
            "'" + swatch.hex() + "' is not a colour: use #RRGGBB, e.g. #D93A2B.");
      }
      if (swatch.weight() < 0) {
        throw new IllegalArgumentException("A colour's share cannot be negative.");
      }
      total += swatch.weight();
    }
    double sum = total;
    List<Swatch> normalised =
        palette.stream()
            .map(
                s ->
                    new Swatch(
                        s.hex().toUpperCase(Locale.ROOT),
                        sum == 0 ? 1.0 / palette.size() : s.weight() / sum))
            .toList();
    return new StyleSpec(
        normalised,
        oneOf("lightKey", lightKey, LightKey.values()),
        oneOf("contrast", contrast, Contrast.values()),
        oneOf("medium", medium, MediumLabel.values()),
        text(lens),
        oneOf("composition", composition, SubjectPosition.values()),
        words(mood),
        words(avoid));
  }

  private static @Nullable String oneOf(String field, @Nullable String value, Object[] allowed) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    String wanted = text.toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (Object option : allowed) {
      String name = option.toString();
      if (!name.equals("unknown")) {
        names.add(name);
        if (name.equals(wanted)) {
          return name;
        }
      }
    }
    throw new IllegalArgumentException(
        field + " '" + value + "' is not one of " + String.join(", ", names) + ".");
  }

  private static @Nullable String known(String wire) {
    return wire.equals("unknown") ? null : wire;
  }

  private static @Nullable String text(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static List<String> words(List<String> values) {
    return values.stream().map(StyleSpec::text).filter(v -> v != null).distinct().toList();
  }
}
