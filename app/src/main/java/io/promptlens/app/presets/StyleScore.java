package io.promptlens.app.presets;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.SubjectPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How on-style an analysed image is, 0–100, and the largest differences. Five parts, weighted:
 * palette 40 (CIEDE2000, below), light key 15, contrast 15, medium 15, composition 15. A part the
 * preset has no opinion on, or the image's analysis could not measure, is left out and the others
 * are re-weighted, so "unknown" never counts as a mismatch.
 *
 * <p>Palette: each preset colour's ΔE00 to the nearest image colour, weighted by the preset share,
 * averaged with the same from the image's side (so an image with extra loud colours loses too);
 * ΔE00 ≤ 2 (hardly visible) scores 1, ≥ {@value #PALETTE_FAR} scores 0, linear between. Ordered
 * scales (key, contrast) score 0.5 one step apart.
 */
final class StyleScore {

  static final double PALETTE_FAR = 30;

  /** One part of the score: its own 0..1, its weight, and a sentence when it is off. */
  record Part(String name, double score, int weight, @Nullable String difference) {
    double lost() {
      return weight * (1 - score);
    }
  }

  /** The result: 0..100 and the parts that cost the most points first. */
  record Result(int score, List<Part> parts, List<String> differences) {}

  private StyleScore() {}

  static Result score(StyleSpec style, ImageAnalysis image) {
    List<Part> parts = new ArrayList<>();
    palette(style, image).ifPresent(parts::add);
    ordered("light key", style.lightKey(), image.light().key().toString(), 15, parts);
    ordered("contrast", style.contrast(), image.light().contrast().toString(), 15, parts);
    exact("medium", style.medium(), image.medium().label().toString(), 15, parts);
    SubjectPosition position = image.composition().subjectPosition();
    exact(
        "composition",
        style.composition(),
        position == null ? null : position.toString(),
        15,
        parts);
    double weights = parts.stream().mapToInt(Part::weight).sum();
    int score =
        weights == 0
            ? 0
            : (int)
                Math.round(
                    100 * parts.stream().mapToDouble(p -> p.weight() * p.score()).sum() / weights);
    List<Part> worstFirst =
        parts.stream().sorted(Comparator.comparingDouble(Part::lost).reversed()).toList();
    List<String> differences =
        worstFirst.stream().filter(p -> p.difference() != null).map(Part::difference).toList();
    return new Result(score, worstFirst, differences);
  }

  private static java.util.Optional<Part> palette(StyleSpec style, ImageAnalysis image) {
    List<PaletteColor> colours = image.color().palette();
    if (style.palette().isEmpty() || colours.isEmpty()) {
      return java.util.Optional.empty();
    }
    double presetSide = 0;
    String worstHex = null;
    String worstMatch = null;
    double worst = -1;
    for (StyleSpec.Swatch swatch : style.palette()) {
      PaletteColor nearest = colours.get(0); // not empty: checked above
      double best = Double.MAX_VALUE;
      for (PaletteColor colour : colours) {
        double d = Ciede2000.distance(swatch.hex(), colour.hex());
        if (d < best) {
          best = d;
          nearest = colour;
        }
      }
      presetSide += swatch.weight() * best;
      if (best * swatch.weight() > worst) {
        worst = best * swatch.weight();
        worstHex = swatch.hex();
        worstMatch = nearest.hex() + " (ΔE00 " + String.format(Locale.ROOT, "%.1f", best) + ")";
      }
    }
    double shares = colours.stream().mapToDouble(PaletteColor::share).sum();
    double imageSide = 0;
    for (PaletteColor colour : colours) {
      double best = Double.MAX_VALUE;
      for (StyleSpec.Swatch swatch : style.palette()) {
        best = Math.min(best, Ciede2000.distance(swatch.hex(), colour.hex()));
      }
      imageSide += (shares == 0 ? 1.0 / colours.size() : colour.share() / shares) * best;
    }
    double distance = (presetSide + imageSide) / 2;
    double score = Math.max(0, Math.min(1, (PALETTE_FAR - distance) / (PALETTE_FAR - 2)));
    String difference =
        score >= 0.95
            ? null
            : String.format(
                Locale.ROOT,
                "palette: mean colour distance ΔE00 %.1f; furthest brand colour %s, nearest in the"
                    + " image %s",
                distance,
                worstHex,
                worstMatch);
    return java.util.Optional.of(new Part("palette", score, 40, difference));
  }

  private static final List<String> SCALE = List.of("low", "mid", "medium", "high");

  private static void ordered(
      String name, @Nullable String wanted, String actual, int weight, List<Part> parts) {
    if (wanted == null || actual.equals("unknown")) {
      return;
    }
    int steps = Math.abs(level(wanted) - level(actual));
    double score = steps == 0 ? 1 : steps == 1 ? 0.5 : 0;
    parts.add(
        new Part(
            name,
            score,
            weight,
            steps == 0 ? null : name + ": the style wants " + wanted + ", the image is " + actual));
  }

  private static int level(String value) {
    // "mid" (light key) and "medium" (contrast) are the same middle step.
    int index = SCALE.indexOf(value);
    return index <= 0 ? 0 : index >= 3 ? 2 : 1;
  }

  private static void exact(
      String name, @Nullable String wanted, @Nullable String actual, int weight, List<Part> parts) {
    if (wanted == null || actual == null || actual.equals("unknown")) {
      return;
    }
    boolean same = wanted.equalsIgnoreCase(actual);
    parts.add(
        new Part(
            name,
            same ? 1 : 0,
            weight,
            same ? null : name + ": the style wants " + wanted + ", the image is " + actual));
  }
}
