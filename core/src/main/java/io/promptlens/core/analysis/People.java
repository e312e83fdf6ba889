package io.promptlens.core.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** People found in the image; {@code count} may exceed the faces seen. */
public record People(int count, List<Face> faces) {

  public People {
    faces = List.copyOf(faces);
  }

  public static People none() {
    return new People(0, List.of());
  }

  /** A detected face: normalised box, detector confidence, and estimates that may be null. */
  public record Face(
      List<Double> box, double confidence, @Nullable String ageRange, @Nullable String expression) {
    public Face {
      box = List.copyOf(box);
    }
  }
}
