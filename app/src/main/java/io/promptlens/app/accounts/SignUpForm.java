package io.promptlens.app.accounts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What the sign-up page posts; {@link #errors()} says, per field, what to fix. */
record SignUpForm(
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable String password) {

  static final int MIN_PASSWORD = 10;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  static SignUpForm empty() {
    return new SignUpForm("", "", "", "");
  }

  Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    name("firstName", "First name", firstName, errors);
    name("lastName", "Last name", lastName, errors);
    String mail = email == null ? "" : email.strip();
    if (mail.length() > 320 || !EMAIL.matcher(mail).matches()) {
      errors.put("email", "Enter an email address like name@example.com.");
    }
    passwordErrors(password).ifPresent(message -> errors.put("password", message));
    return errors;
  }

  /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
  static java.util.Optional<String> passwordErrors(@Nullable String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      return java.util.Optional.of(
          "Choose a password of at least " + MIN_PASSWORD + " characters.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      return java.util.Optional.of("Choose a password of at most 72 bytes (about 70 letters).");
    }
    return java.util.Optional.empty();
  }

  private static void name(
      String field, String label, @Nullable String value, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      errors.put(field, label + " is required.");
    } else if (value.strip().length() > 100) {
      errors.put(field, label + " must be at most 100 characters.");
    } else if (value.codePoints().anyMatch(Character::isISOControl)) {
      // A name goes into mails and log lines; a line break in it would forge either.
      errors.put(field, label + " cannot contain line breaks or control characters.");
    }
  }
}
