package io.promptlens.app.generations;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * Multipart form of {@code POST /api/v1/prompts}: the image plus the same fields as the JSON form,
 * flattened. The booleans are strings so that "on" from an HTML checkbox and a typo both get a
 * clear answer rather than a binding error.
 */
record PromptForm(
    @Nullable MultipartFile image,
    @Nullable String target,
    @Nullable String mode,
    @Nullable String detail,
    @Nullable String paletteHex,
    @Nullable String negativePrompt,
    @Nullable String aspect,
    @Nullable String subject,
    @Nullable List<String> keep,
    @Nullable List<String> avoid,
    @Nullable String cameraTerms,
    @Nullable String weights,
    @Nullable String maxLength,
    @Nullable String variations) {

  ControlsRequest controls() {
    return new ControlsRequest(
        detail,
        flag("paletteHex", paletteHex),
        flag("negativePrompt", negativePrompt),
        aspect,
        subject,
        keep,
        avoid,
        flag("cameraTerms", cameraTerms),
        flag("weights", weights),
        number("maxLength", maxLength),
        number("variations", variations));
  }

  /**
   * This form as the home page sends it (through {@link WorkbenchPageController}): always whole, so
   * an unticked checkbox, which a browser leaves out, means "off" rather than "the default".
   */
  PromptForm fromPage() {
    return new PromptForm(
        image,
        target,
        mode,
        detail,
        ticked(paletteHex),
        ticked(negativePrompt),
        aspect,
        subject,
        keep,
        avoid,
        ticked(cameraTerms),
        ticked(weights),
        maxLength,
        variations);
  }

  private static String ticked(@Nullable String checkbox) {
    return checkbox == null || checkbox.isBlank() ? "false" : checkbox;
  }

  private static @Nullable Integer number(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidPromptRequestException(field + " must be a whole number");
    }
  }

  private static @Nullable Boolean flag(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes", "1" -> true;
      case "false", "off", "no", "0" -> false;
      default -> throw new InvalidPromptRequestException(field + " must be true or false");
    };
  }
}
