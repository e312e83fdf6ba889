package io.promptlens.providers;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a vision-language model said about an image, validated against the description schema every
 * provider is given. Strings the model left empty are {@code ""}, never null.
 *
 * @param description one sentence about the whole image
 * @param subjects the main things or beings, most prominent first
 * @param action what the subjects do
 * @param setting where the scene is
 * @param style medium and visual style ("wildlife photograph", "watercolor illustration")
 * @param mood the feeling the image gives
 * @param camera shot scale, angle, lens and depth of field
 * @param lighting the light as the model sees it
 * @param visibleText text legible in the image, verbatim
 * @param call what the call cost in time, tokens and money
 */
public record ProviderDescription(
    String description,
    List<Subject> subjects,
    String action,
    String setting,
    String style,
    String mood,
    String camera,
    String lighting,
    String visibleText,
    @Nullable CallRecord call) {

  public ProviderDescription {
    description = orEmpty(description);
    subjects = List.copyOf(subjects);
    action = orEmpty(action);
    setting = orEmpty(setting);
    style = orEmpty(style);
    mood = orEmpty(mood);
    camera = orEmpty(camera);
    lighting = orEmpty(lighting);
    visibleText = orEmpty(visibleText);
  }

  /** This description with its call record set (the parser has none to give). */
  ProviderDescription withCall(CallRecord newCall) {
    return new ProviderDescription(
        description,
        subjects,
        action,
        setting,
        style,
        mood,
        camera,
        lighting,
        visibleText,
        newCall);
  }

  /**
   * One subject: a short noun phrase ("red fox"), its visible attributes, and the model's own
   * confidence 0..1 or null when it gave none.
   */
  public record Subject(String name, List<String> attributes, @Nullable Double confidence) {
    public Subject {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("subject name is required");
      }
      name = name.strip();
      attributes = List.copyOf(attributes);
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}
