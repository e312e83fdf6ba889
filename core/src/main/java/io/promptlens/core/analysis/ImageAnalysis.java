package io.promptlens.core.analysis;

import java.util.List;

/**
 * Everything PromptLens knows about one image: the single data type that flows from the analyzers
 * to the compiler. Its JSON form is a public contract (schemaVersion 1): fields may be added, never
 * renamed or removed. Sections that no analyzer has filled yet are present and empty, never
 * invented; {@link #notes()} says what could not be analysed and why.
 */
public record ImageAnalysis(
    int schemaVersion,
    ImageInfo image,
    ColorAnalysis color,
    LightAnalysis light,
    Medium medium,
    Focus focus,
    Composition composition,
    List<Subject> subjects,
    Scene scene,
    People people,
    TextContent text,
    List<String> notes,
    List<Provenance> provenance,
    Safety safety,
    MainSubject subject) {

  public static final int SCHEMA_VERSION = 1;

  public ImageAnalysis {
    subjects = List.copyOf(subjects);
    notes = List.copyOf(notes);
    provenance = List.copyOf(provenance);
    safety = safety == null ? Safety.unknown() : safety;
    subject = subject == null ? MainSubject.unknown() : subject;
  }

  /** The sections before the main subject was added; {@code subject} unknown. */
  public ImageAnalysis(
      int schemaVersion,
      ImageInfo image,
      ColorAnalysis color,
      LightAnalysis light,
      Medium medium,
      Focus focus,
      Composition composition,
      List<Subject> subjects,
      Scene scene,
      People people,
      TextContent text,
      List<String> notes,
      List<Provenance> provenance,
      Safety safety) {
    this(
        schemaVersion,
        image,
        color,
        light,
        medium,
        focus,
        composition,
        subjects,
        scene,
        people,
        text,
        notes,
        provenance,
        safety,
        MainSubject.unknown());
  }

  /** The sections of the first release, with {@code safety} unknown. */
  public ImageAnalysis(
      int schemaVersion,
      ImageInfo image,
      ColorAnalysis color,
      LightAnalysis light,
      Medium medium,
      Focus focus,
      Composition composition,
      List<Subject> subjects,
      Scene scene,
      People people,
      TextContent text,
      List<String> notes,
      List<Provenance> provenance) {
    this(
        schemaVersion,
        image,
        color,
        light,
        medium,
        focus,
        composition,
        subjects,
        scene,
        people,
        text,
        notes,
        provenance,
        Safety.unknown(),
        MainSubject.unknown());
  }

  /** This analysis with one more note at the end. */
  public ImageAnalysis withNote(String note) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return new ImageAnalysis(
        schemaVersion,
        image,
        color,
        light,
        medium,
        focus,
        composition,
        subjects,
        scene,
        people,
        text,
        more,
        provenance,
        safety,
        subject);
  }

  /** This analysis with its main subject decided. */
  public ImageAnalysis withSubject(MainSubject decided) {
    return new ImageAnalysis(
        schemaVersion,
        image,
        color,
        light,
        medium,
        focus,
        composition,
        subjects,
        scene,
        people,
        text,
        notes,
        provenance,
        safety,
        decided);
  }
}
