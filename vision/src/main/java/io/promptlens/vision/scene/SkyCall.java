package io.promptlens.vision.scene;

import io.promptlens.core.analysis.Scene;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Sky, and the open air it shows, said where two kinds of evidence agree: the measured sky region
 * passes {@link SceneAnalyzer#skyCues} and the medium probe finds the picture photographed (more
 * likely than not, {@link #PHOTOGRAPHED}, and more likely than drawn). Either alone is not enough.
 * The cues fire on the white ground of clip art and diagrams, which the probe puts far under one
 * half; the probe cannot tell a sky from a wall, which the cues can. A picture whose short side is
 * under the probe's input ({@link #MIN_SIDE}) is not called: the network sees it scaled up, a blur
 * with none of the fine detail that tells a photograph from a drawing, and game tiles of ice and
 * rock 38 to 160 pixels high were photographs to it.
 *
 * <p>Counted where the call was made and the picture was looked at (2026-12-06): 16 of 17 tuning
 * rows of {@code eval/statements.csv} labelled for sky, and 100 of 100 landing photographs of
 * endless-sky-data (0.9.8-1.2), which had not been looked at for sky. The one failure is
 * mate-backgrounds' Aqua, a water drop against a blurred blue-grey backdrop: a backdrop blurred
 * smooth is sky to every measured cue, and that is the failure {@link #CONFIDENCE} prices in. (116
 * + 1) / (117 + 2) = 0.983 by Laplace's rule. A sky is open air, so the same call says the setting
 * is outdoors (all 39 eval pictures the call made and labelled for it are outdoors). On 1,155
 * pictures of other packages (game sprites and backgrounds, star charts, planet maps, clip art,
 * handbook figures) the call's first form said sky four times, each of a small game tile on a
 * transparent or white ground; the opacity in {@link SceneAnalyzer#skyCues}, {@link #MIN_SIDE} and
 * "more than drawn" came from them, and with them it says it on none of the 1,155.
 *
 * <p>In a picture the call makes, the measured vegetation (green to yellow-green textured cells
 * outside the sky) is said too, at {@link #VEGETATION_CONFIDENCE}: in an outdoor photograph, such
 * texture is plants. Counted where it was said and the picture looked at (2026-12-06): 17 eval rows
 * (5 tuning, 12 held-out), and 26 landing photographs of endless-sky-data looked at after the rule
 * was fixed, 43 of 43; (43 + 1) / (43 + 2) = 0.978. Outside the call the same label is colour
 * alone: a station interior lit green, a factory's yellow machines, fur and fabric.
 */
public final class SkyCall {

  /** The medium probe's photograph probability the call needs: more likely than not. */
  public static final double PHOTOGRAPHED = 0.5;

  /** The medium probe's network sees 224 × 224 pixels (nsfwjs' MobileNetV2). */
  public static final int MIN_SIDE = 224;

  /** The confidence of the call's sky and outdoor labels (see the class comment). */
  public static final double CONFIDENCE = 0.983;

  /**
   * The confidence of the vegetation the measured scene found in a picture the call made (see
   * {@link #decide}).
   */
  public static final double VEGETATION_CONFIDENCE = 0.978;

  /** The source of the labels the call makes. */
  public static final String SOURCE = "vision.scene+medium-probe";

  private static final Set<String> REPLACED = Set.of("sky", "outdoor", "indoor");

  private SkyCall() {}

  /**
   * The scene with the call made: when a sky label carries {@link SceneAnalyzer#SKY_CUES}, the
   * picture is at least {@link #MIN_SIDE} on its short side, and the probe finds it photographed at
   * {@link #PHOTOGRAPHED} or more and more than drawn, sky and outdoor at {@link #CONFIDENCE}
   * replace the measured sky, outdoor and indoor, and a measured vegetation label is lifted to
   * {@link #VEGETATION_CONFIDENCE}; otherwise the measured scene as it is (its colour labels stay
   * under the statement table's rows, unsaid).
   *
   * @param photographed the medium probe's probability of a photograph
   * @param drawn its probability of an illustration (one probe each: both can be high)
   * @param shortSide the picture's short side in pixels
   */
  public static Scene decide(Scene measured, double photographed, double drawn, int shortSide) {
    boolean cues =
        measured.labels().stream().anyMatch(l -> SceneAnalyzer.SKY_CUES.equals(l.source()));
    boolean photograph = photographed >= PHOTOGRAPHED && photographed > drawn;
    if (!cues || !photograph || shortSide < MIN_SIDE) {
      return measured;
    }
    List<Scene.Label> labels = new ArrayList<>();
    labels.add(new Scene.Label("sky", CONFIDENCE, SOURCE));
    labels.add(new Scene.Label("outdoor", CONFIDENCE, SOURCE));
    for (Scene.Label label : measured.labels()) {
      if (label.label().equals("vegetation")) {
        labels.add(new Scene.Label("vegetation", VEGETATION_CONFIDENCE, SOURCE));
      } else if (!REPLACED.contains(label.label())) {
        labels.add(label);
      }
    }
    labels.sort(Comparator.comparingDouble(Scene.Label::confidence).reversed());
    return new Scene(labels);
  }
}
