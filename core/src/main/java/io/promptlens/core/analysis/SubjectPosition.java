package io.promptlens.core.analysis;

import java.util.Locale;

/**
 * Where the subject's centroid sits, by the rule of thirds: each axis is split into a centre band,
 * two thirds bands and two edge bands ({@link #ANCHOR_TOLERANCE}); a subject in an edge band on
 * both axes is in a corner. The JSON value is the {@link #toString} name: "center", "left third",
 * "upper-left third", "top edge", "bottom-right corner", ...
 */
public enum SubjectPosition {
  CENTER(Side.MIDDLE, Zone.CENTER),
  LEFT_THIRD(Side.LEFT, Zone.THIRD),
  RIGHT_THIRD(Side.RIGHT, Zone.THIRD),
  UPPER_THIRD(Side.MIDDLE, Zone.THIRD),
  LOWER_THIRD(Side.MIDDLE, Zone.THIRD),
  UPPER_LEFT_THIRD(Side.LEFT, Zone.THIRD),
  UPPER_RIGHT_THIRD(Side.RIGHT, Zone.THIRD),
  LOWER_LEFT_THIRD(Side.LEFT, Zone.THIRD),
  LOWER_RIGHT_THIRD(Side.RIGHT, Zone.THIRD),
  LEFT_EDGE(Side.LEFT, Zone.EDGE),
  RIGHT_EDGE(Side.RIGHT, Zone.EDGE),
  TOP_EDGE(Side.MIDDLE, Zone.EDGE),
  BOTTOM_EDGE(Side.MIDDLE, Zone.EDGE),
  TOP_LEFT_CORNER(Side.LEFT, Zone.CORNER),
  TOP_RIGHT_CORNER(Side.RIGHT, Zone.CORNER),
  BOTTOM_LEFT_CORNER(Side.LEFT, Zone.CORNER),
  BOTTOM_RIGHT_CORNER(Side.RIGHT, Zone.CORNER);

  /**
   * Half the distance between a thirds line and the centre line (1/6 of the frame): the tolerance
   * that splits each axis into centre, thirds and edge bands without gaps.
   */
  public static final double ANCHOR_TOLERANCE = 1.0 / 12;

  /** Which half of the frame, left to right, a position leans to. */
  public enum Side {
    LEFT,
    MIDDLE,
    RIGHT
  }

  /** How far from the centre a position is: centre, on a third, at an edge or in a corner. */
  public enum Zone {
    CENTER,
    THIRD,
    EDGE,
    CORNER
  }

  private final Side side;
  private final Zone zone;

  SubjectPosition(Side side, Zone zone) {
    this.side = side;
    this.zone = zone;
  }

  /** The side, left to right, this position leans to; {@code MIDDLE} for centre, top and bottom. */
  public Side side() {
    return side;
  }

  public Zone zone() {
    return zone;
  }

  /** Whether the position touches the frame: an edge or a corner. */
  public boolean atFrame() {
    return zone == Zone.EDGE || zone == Zone.CORNER;
  }

  /** The position of a centroid at ({@code x}, {@code y}), both normalised to 0..1. */
  public static SubjectPosition at(double x, double y) {
    int h = band(x);
    int v = band(y);
    String[] across = {"LEFT", "LEFT", "", "RIGHT", "RIGHT"};
    String[] down = {"TOP", "UPPER", "", "LOWER", "BOTTOM"};
    boolean hEdge = h == 0 || h == 4;
    boolean vEdge = v == 0 || v == 4;
    String name;
    if (hEdge && vEdge) {
      name = down[v] + "_" + across[h] + "_CORNER";
    } else if (hEdge) {
      name = across[h] + "_EDGE";
    } else if (vEdge) {
      name = down[v] + "_EDGE";
    } else if (h == 2 && v == 2) {
      name = "CENTER";
    } else if (h == 2) {
      name = down[v] + "_THIRD";
    } else if (v == 2) {
      name = across[h] + "_THIRD";
    } else {
      name = down[v] + "_" + across[h] + "_THIRD";
    }
    return valueOf(name);
  }

  /** 0 low edge, 1 low third, 2 centre, 3 high third, 4 high edge. */
  private static int band(double v) {
    if (Math.abs(v - 0.5) <= ANCHOR_TOLERANCE) {
      return 2;
    }
    if (Math.abs(v - 1.0 / 3) <= ANCHOR_TOLERANCE) {
      return 1;
    }
    if (Math.abs(v - 2.0 / 3) <= ANCHOR_TOLERANCE) {
      return 3;
    }
    return v < 0.5 ? 0 : 4;
  }

  /**
   * The name in the analysis JSON: the words of the constant, the place words joined by a hyphen
   * ("upper-left") and the zone after a space ("upper-left third", "left edge").
   */
  @Override
  public String toString() {
    String words = name().toLowerCase(Locale.ROOT);
    int last = words.lastIndexOf('_');
    return last < 0
        ? words
        : words.substring(0, last).replace('_', '-') + " " + words.substring(last + 1);
  }
}
