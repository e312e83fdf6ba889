package io.promptlens.vision.neural;

import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Subject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Subjects and people as the object detector and the face detector see them together: the
 * detector's objects join the measured subjects, its person boxes count people, and a face counts
 * only inside a person box when the detector ran. Immutable.
 *
 * @param subjects the measured subjects, then the detector's objects
 * @param people the count and the faces
 * @param personBoxes the person boxes [x, y, w, h], normalised; null when no object detector ran
 */
record PeopleEvidence(
    List<Subject> subjects, People people, @Nullable List<List<Double>> personBoxes) {

  /** The detector's class for people. */
  static final String PERSON = "person";

  /** The measured subjects and people with the detector's objects (null: it did not run). */
  static PeopleEvidence of(
      List<Subject> measuredSubjects,
      People measuredPeople,
      @Nullable List<ObjectDetector.Detection> detections) {
    if (detections == null) {
      return new PeopleEvidence(measuredSubjects, measuredPeople, null);
    }
    List<Subject> subjects = new ArrayList<>(measuredSubjects);
    List<List<Double>> personBoxes = new ArrayList<>();
    for (ObjectDetector.Detection d : detections) {
      Subject subject =
          new Subject(
              d.label(),
              round(d.score()),
              List.of(round(d.x()), round(d.y()), round(d.w()), round(d.h())),
              "vision.neural.centernet");
      subjects.add(subject);
      if (PERSON.equals(d.label())) {
        personBoxes.add(subject.box());
      }
    }
    People people =
        new People(Math.max(personBoxes.size(), measuredPeople.count()), measuredPeople.faces());
    return new PeopleEvidence(subjects, people, personBoxes);
  }

  /**
   * With the faces the face detector found (null: it did not run). BlazeFace also fires on animal
   * and cartoon faces; with the object detector at hand a face counts only where it agrees that a
   * person stands.
   */
  PeopleEvidence withFaces(@Nullable List<People.Face> found) {
    if (found == null) {
      return this;
    }
    List<List<Double>> persons = personBoxes;
    List<People.Face> faces =
        persons == null ? found : found.stream().filter(f -> insideAny(f.box(), persons)).toList();
    return new PeopleEvidence(
        subjects, new People(Math.max(people.count(), faces.size()), faces), personBoxes);
  }

  /** Whether a face box's centre lies inside one of the person boxes. */
  static boolean insideAny(List<Double> face, List<List<Double>> persons) {
    double cx = face.get(0) + face.get(2) / 2;
    double cy = face.get(1) + face.get(3) / 2;
    for (List<Double> b : persons) {
      if (cx >= b.get(0)
          && cx <= b.get(0) + b.get(2)
          && cy >= b.get(1)
          && cy <= b.get(1) + b.get(3)) {
        return true;
      }
    }
    return false;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
