package io.promptlens.core.compiler;

/**
 * The kinds of claim a prompt can make about what is in the picture, one per phrase kind the
 * compiler emits (see {@code shared/STATEMENTS.md} for when each is true). {@link
 * StatementThresholds} holds the confidence each must reach to be said.
 */
public enum Statement {
  INDOOR,
  OUTDOOR,
  SKY,
  CLOUDS,
  WATER,
  VEGETATION,
  SNOW,
  SAND,
  NIGHT_SKY,
  BACKLIT,
  SILHOUETTE,
  GOLDEN_HOUR,
  BLUE_HOUR,
  NIGHT,
  SHOT_SCALE,
  CAMERA_ANGLE,
  DEPTH_OF_FIELD,
  BOKEH,
  GRAIN,
  MOTION_BLUR,
  /** "Sepia tone": the whole picture toned brown, as an old print. */
  SEPIA,
  /**
   * "Soft light" or "hard light": diffuse light with soft shadows, or direct light with crisp ones.
   */
  LIGHT_HARDNESS,
  LEADING_LINES,
  MEDIUM_PHOTO,
  MEDIUM_ILLUSTRATION,
  MEDIUM_PAINTING,
  MEDIUM_3D_RENDER,
  MEDIUM_GRAPHIC,
  MEDIUM_DOCUMENT,
  /** "A screenshot of a program window", from read menu and button words: a flat graphic. */
  SCREENSHOT,
  /** One detected person (each person box is held to this). */
  PERSON,
  /** A detected object of a class without its own row in the class table. */
  OBJECT,
  /** Words of a vision-language provider (its subjects and setting): open vocabulary. */
  PROVIDER
}
