package io.promptlens.core.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

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

  /** A builder with every section unknown or empty; set what is known. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this analysis's sections, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .schemaVersion(schemaVersion)
        .image(image)
        .color(color)
        .light(light)
        .medium(medium)
        .focus(focus)
        .composition(composition)
        .subjects(subjects)
        .scene(scene)
        .people(people)
        .text(text)
        .notes(notes)
        .provenance(provenance)
        .safety(safety)
        .subject(subject);
  }

  /** This analysis with one more note at the end. */
  public ImageAnalysis withNote(String note) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return toBuilder().notes(more).build();
  }

  /** This analysis with its main subject decided. */
  public ImageAnalysis withSubject(MainSubject decided) {
    return toBuilder().subject(decided).build();
  }

  /**
   * Sections by name instead of fifteen constructor arguments in a row. Lists are copied when
   * built; a section left unset is unknown or empty, as an analyzer that found nothing leaves it;
   * only the image's facts must be set.
   */
  public static final class Builder {
    private int schemaVersion = SCHEMA_VERSION;
    private @Nullable ImageInfo image;
    private ColorAnalysis color = ColorAnalysis.unknown();
    private LightAnalysis light = LightAnalysis.unknown();
    private Medium medium = Medium.unknown();
    private Focus focus = Focus.unknown();
    private Composition composition = Composition.unknown();
    private List<Subject> subjects = List.of();
    private Scene scene = Scene.empty();
    private People people = People.none();
    private TextContent text = TextContent.none();
    private List<String> notes = List.of();
    private List<Provenance> provenance = List.of();
    private Safety safety = Safety.unknown();
    private MainSubject subject = MainSubject.unknown();

    private Builder() {}

    public Builder schemaVersion(int value) {
      schemaVersion = value;
      return this;
    }

    public Builder image(ImageInfo value) {
      image = value;
      return this;
    }

    public Builder color(ColorAnalysis value) {
      color = value;
      return this;
    }

    public Builder light(LightAnalysis value) {
      light = value;
      return this;
    }

    public Builder medium(Medium value) {
      medium = value;
      return this;
    }

    public Builder focus(Focus value) {
      focus = value;
      return this;
    }

    public Builder composition(Composition value) {
      composition = value;
      return this;
    }

    public Builder subjects(List<Subject> value) {
      subjects = value;
      return this;
    }

    public Builder scene(Scene value) {
      scene = value;
      return this;
    }

    public Builder people(People value) {
      people = value;
      return this;
    }

    public Builder text(TextContent value) {
      text = value;
      return this;
    }

    public Builder notes(List<String> value) {
      notes = value;
      return this;
    }

    public Builder provenance(List<Provenance> value) {
      provenance = value;
      return this;
    }

    public Builder safety(Safety value) {
      safety = value;
      return this;
    }

    public Builder subject(MainSubject value) {
      subject = value;
      return this;
    }

    public ImageAnalysis build() {
      if (image == null) {
        throw new IllegalStateException("an analysis needs its image's facts: call image(...)");
      }
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
          subject);
    }
  }
}
