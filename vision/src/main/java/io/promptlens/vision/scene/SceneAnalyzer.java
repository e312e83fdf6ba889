package io.promptlens.vision.scene;

import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Scene;
import io.promptlens.vision.measure.AnalysisFrame;
import io.promptlens.vision.measure.Grid;
import io.promptlens.vision.measure.Hues;
import io.promptlens.vision.measure.Regions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Scene "stuff" labels from colour, position and texture of coarse-grid cells, the cues of the
 * earliest outdoor-scene classifiers (e.g. M. Szummer and R. W. Picard, "Indoor-outdoor image
 * classification", 1998; A. Vailaya et al., "Image classification for content-based indexing", IEEE
 * TIP 2001) and of sky detection by colour and position (J. Luo and S. P. Etz, "A physical
 * model-based approach to detecting sky in photographic images", IEEE TIP 2002): sky is bright,
 * blue or neutral, smooth and connected to the top of the frame; vegetation is green or
 * yellow-green and textured, outside the sky; water is blue below the sky; sand is light beige and
 * snow bright white, low in the frame; a night sky is dark and at the top.
 *
 * <p>Hue ranges are in OKLab degrees and anchored on the hues of named sRGB colours. A label is
 * reported once its cells cover {@link #MIN_SHARE} of the frame (sand and snow more), with a
 * confidence rising with that share and capped at 0.85: colour is evidence, not recognition.
 * Nothing is reported for documents and flat graphics. Thread-safe.
 */
public final class SceneAnalyzer {

  public static final String VERSION = "1.0";

  /** The source every label of this analyzer carries. */
  public static final String SOURCE = "vision.scene";

  /**
   * The source of a sky label whose region also passes {@link #skyCues}: wide, across the top and
   * as bright as sky is. Colour and place alone call a white wall or a studio backdrop sky; these
   * cues do not make it sure either (a blurred blue-grey backdrop passes them), so the label keeps
   * this analyzer's confidence and {@code SkyCall} decides with the medium probe's evidence.
   */
  public static final String SKY_CUES = "vision.scene.sky-cues";

  /** A sky worth naming covers a tenth of the frame. */
  static final double SKY_CUES_SHARE = 0.1;

  /** Sky spans the frame's top edge: three quarters of the top row's cells. */
  static final double SKY_CUES_TOP_ROW = 0.75;

  /**
   * A backdrop fills more than nine tenths of the bottom edge. The most of a sky's colour along the
   * bottom edge under a called sky was 0.77 (a snowfield under an overcast sky) on the eval and
   * landing photographs.
   */
  static final double BACKDROP_BOTTOM = 0.9;

  /** A label needs 5 % of the frame. */
  public static final double MIN_SHARE = 0.05;

  /** Smooth: under 4 code values of mean neighbour difference. */
  static final double SMOOTH = 4 / 255.0;

  /**
   * Foliage and grass are textured: at least 3 code values of mean neighbour difference. Distant
   * trees and a field of grass seen across a valley are finer than a close bush, and a smooth green
   * (a painted wall, a car's panel, a lawn of flat colour in clip art) stays under it.
   */
  static final double FOLIAGE_TEXTURE = 3 / 255.0;

  /**
   * Sunlit grass and foliage run from green to yellow-green: warm daylight and drying grass shift
   * them towards yellow, so a field's hue falls just short of pure yellow's in OKLab (the grass of
   * the eval's fields and hills, photographed and painted, lay between 95 and 115 degrees). Sand,
   * wheat and tan are under 85 degrees.
   */
  static final double FOLIAGE_FROM = Hues.of(0xFFFF00) - 10;

  /** A foliage cell has at least this OKLab chroma: under it, grey-green rock and haze. */
  static final double FOLIAGE_CHROMA = 0.03;

  /** A sky or water cell of a blue hue is blue from this OKLab chroma; under it, neutral. */
  static final double BLUE_CHROMA = 0.03;

  static final double BLUE_FROM = Hues.of(0x00FFFF) - 15;

  static final double BLUE_TO = Hues.of(0x0000FF) + 15;

  static final double GREEN_TO = Hues.of(0x00FFFF) - 20;

  public Scene analyze(AnalysisFrame frame, MediumLabel medium, double medianLuminance) {
    if (medium == MediumLabel.DOCUMENT) {
      return new Scene(
          List.of(
              new Scene.Label("document", 0.8, SOURCE), new Scene.Label("text page", 0.8, SOURCE)));
    }
    if (medium == MediumLabel.GRAPHIC) {
      return Scene.empty();
    }
    Grid g = frame.coarse();
    int w = g.width();
    int h = g.height();
    int n = g.size();
    boolean[] skyCandidate = new boolean[n];
    boolean[] nightCandidate = new boolean[n];
    for (int k = 0; k < n; k++) {
      double y = (k / w + 0.5) / h;
      double c = g.chroma(k);
      double hue = g.hue(k);
      double l = g.l()[k];
      skyCandidate[k] = y < 0.7 && skyColoured(g, k);
      nightCandidate[k] = y < 0.6 && l < 0.3 && (c < 0.05 || Hues.within(hue, BLUE_FROM, BLUE_TO));
    }
    boolean[] sky = connectedToTop(skyCandidate, w, h);
    boolean[] night = connectedToTop(nightCandidate, w, h);
    int skyCells = 0;
    int blueSky = 0;
    int cloudCells = 0;
    int vegetation = 0;
    int water = 0;
    int sand = 0;
    int snow = 0;
    int nightCells = 0;
    for (int k = 0; k < n; k++) {
      double y = (k / w + 0.5) / h;
      double c = g.chroma(k);
      double hue = g.hue(k);
      double l = g.l()[k];
      float t = g.texture()[k];
      if (sky[k]) {
        skyCells++;
        if (c >= BLUE_CHROMA) {
          blueSky++;
        } else {
          cloudCells++;
        }
      } else if (y < 0.7 && c < 0.04 && l >= 0.7 && t >= SMOOTH / 2 && nearSky(sky, k, w, h)) {
        cloudCells++;
      }
      if (night[k]) {
        nightCells++;
      }
      if (!sky[k]
          && c >= FOLIAGE_CHROMA
          && Hues.within(hue, FOLIAGE_FROM, GREEN_TO)
          && l >= 0.15
          && l <= 0.85
          && t >= FOLIAGE_TEXTURE) {
        vegetation++;
      }
      if (!sky[k]
          && y >= 0.3
          && c >= BLUE_CHROMA
          && Hues.within(hue, BLUE_FROM, BLUE_TO)
          && l >= 0.3) {
        water++;
      }
      if (y >= 0.4
          && c >= 0.02
          && c <= 0.1
          && Hues.within(hue, 55, 100)
          && l >= 0.65
          && l <= 0.92) {
        sand++;
      }
      if (y >= 0.4 && c < 0.04 && l >= 0.85 && t >= SMOOTH / 4) {
        snow++;
      }
    }
    List<Scene.Label> labels = new ArrayList<>();
    boolean dark = medianLuminance < 0.18 / 16;
    add(labels, "sky", dark ? 0 : skyCells / (double) n, MIN_SHARE);
    if (!dark && skyCues(g, opaque(sky, frame.opacity()))) {
      labels.replaceAll(
          label ->
              label.label().equals("sky")
                  ? new Scene.Label(label.label(), label.confidence(), SKY_CUES)
                  : label);
    }
    add(labels, "clouds", blueSky > 0 || skyCells > 0 ? cloudCells / (double) n : 0, MIN_SHARE);
    add(labels, "vegetation", vegetation / (double) n, MIN_SHARE);
    add(labels, "water", water / (double) n, MIN_SHARE * 2);
    add(labels, "sand", sand / (double) n, MIN_SHARE * 3);
    add(labels, "snow", snow / (double) n, MIN_SHARE * 3);
    add(labels, "night sky", dark ? nightCells / (double) n : 0, MIN_SHARE * 2);
    double outdoor = 0;
    for (Scene.Label label : labels) {
      outdoor = Math.max(outdoor, label.confidence());
    }
    if (outdoor >= 0.6) {
      labels.add(new Scene.Label("outdoor", outdoor, SOURCE));
    } else if (labels.isEmpty() && medium == MediumLabel.PHOTO && !dark) {
      labels.add(new Scene.Label("indoor", 0.55, SOURCE));
    }
    labels.sort(
        Comparator.comparingDouble(Scene.Label::confidence)
            .reversed()
            .thenComparing(Scene.Label::label));
    return new Scene(labels);
  }

  /**
   * Whether the sky region has the cues of a sky and not only its colour (after Luo and Etz): it
   * covers {@link #SKY_CUES_SHARE} of the frame, spans {@link #SKY_CUES_TOP_ROW} of the top edge (a
   * wall behind a head or a ceiling seen past a lamp does not), and is as bright as daylight makes
   * a sky against the ground it lights. The sky is the light source and the ground reflects a
   * fraction of it: a blue sky is brighter than the median of the rest of the frame, and an
   * overcast sky, grey or white, is the brightest part of the picture (at or over the 99th
   * percentile of the other cells' lightness). A white wall is lit by something brighter, a window
   * or a lamp, or shares the frame with white things as bright as itself. And it is not a {@link
   * #backdrop}.
   */
  static boolean skyCues(Grid g, boolean[] sky) {
    int w = g.width();
    int n = g.size();
    int skyCells = 0;
    for (boolean cell : sky) {
      skyCells += cell ? 1 : 0;
    }
    if (skyCells < SKY_CUES_SHARE * n || backdrop(g)) {
      return false;
    }
    int topRow = 0;
    for (int x = 0; x < w; x++) {
      if (sky[x]) {
        topRow++;
      }
    }
    if (topRow < SKY_CUES_TOP_ROW * w) {
      return false;
    }
    double lightness = 0;
    double chroma = 0;
    double[] rest = new double[n - skyCells];
    int r = 0;
    for (int k = 0; k < n; k++) {
      if (sky[k]) {
        lightness += g.l()[k];
        chroma += g.chroma(k);
      } else {
        rest[r++] = g.l()[k];
      }
    }
    if (rest.length == 0) {
      return false;
    }
    lightness /= skyCells;
    Arrays.sort(rest);
    boolean blue = chroma / skyCells >= BLUE_CHROMA;
    double bar =
        blue ? rest[rest.length / 2] : rest[Math.min(rest.length - 1, (int) (rest.length * 0.99))];
    return lightness >= bar;
  }

  /** A smooth cell of a sky's colour: blue and light, or neutral and bright (overcast). */
  private static boolean skyColoured(Grid g, int k) {
    double c = g.chroma(k);
    double l = g.l()[k];
    boolean blue = c >= BLUE_CHROMA && Hues.within(g.hue(k), BLUE_FROM, BLUE_TO) && l >= 0.55;
    boolean overcast = c < BLUE_CHROMA && l >= 0.75;
    return g.texture()[k] < SMOOTH && (blue || overcast);
  }

  /**
   * Whether the frame's bottom edge is nearly all ({@link #BACKDROP_BOTTOM}) of a sky's colour: a
   * studio backdrop sweeps down behind and under the subject to the bottom of the frame, while a
   * sky ends at a horizon with ground under it. A product on seamless white paper is smooth,
   * bright, across the top and the brightest thing in the frame, as an overcast sky is.
   */
  static boolean backdrop(Grid g) {
    int w = g.width();
    int bottom = (g.height() - 1) * w;
    int coloured = 0;
    for (int x = 0; x < w; x++) {
      coloured += skyColoured(g, bottom + x) ? 1 : 0;
    }
    return coloured > BACKDROP_BOTTOM * w;
  }

  /**
   * The cells of the mask that are at least half opaque: a transparent ground, flattened onto
   * white, is bright and smooth and at the top, and it is no sky.
   */
  static boolean[] opaque(boolean[] mask, float @Nullable [] opacity) {
    if (opacity == null || opacity.length != mask.length) {
      return mask;
    }
    boolean[] out = new boolean[mask.length];
    for (int k = 0; k < mask.length; k++) {
      out[k] = mask[k] && opacity[k] >= 0.5f;
    }
    return out;
  }

  private static void add(List<Scene.Label> labels, String name, double share, double minimum) {
    if (share >= minimum) {
      double confidence = Math.min(0.85, 0.5 + 0.35 * Math.min(1, (share - minimum) / 0.2 + 0.3));
      labels.add(new Scene.Label(name, Math.round(confidence * 1000) / 1000.0, SOURCE));
    }
  }

  private static boolean nearSky(boolean[] sky, int k, int w, int h) {
    int x = k % w;
    int y = k / w;
    for (int dy = -2; dy <= 2; dy++) {
      for (int dx = -2; dx <= 2; dx++) {
        int xx = x + dx;
        int yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < w && yy < h && sky[yy * w + xx]) {
          return true;
        }
      }
    }
    return false;
  }

  /** Cells of the mask whose component touches the top row. */
  static boolean[] connectedToTop(boolean[] mask, int w, int h) {
    int[] labels = new int[w * h];
    int count = Regions.label(mask, w, h, labels);
    boolean[] top = new boolean[count];
    for (int x = 0; x < w; x++) {
      if (labels[x] >= 0) {
        top[labels[x]] = true;
      }
    }
    boolean[] out = new boolean[w * h];
    for (int k = 0; k < w * h; k++) {
      out[k] = labels[k] >= 0 && top[labels[k]];
    }
    return out;
  }
}
