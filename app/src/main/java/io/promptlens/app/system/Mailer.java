package io.promptlens.app.system;

/**
 * Sends one plain-text mail. Over SMTP when {@code spring.mail.host} is set (or a {@code
 * JavaMailSender} bean exists, as in the tests' GreenMail setup); otherwise the mail is written to
 * the log, so the app runs with zero setup and a developer can still follow a verification link.
 */
public interface Mailer {

  /**
   * @throws MailFailedException when the mail server refuses or cannot be reached
   */
  void send(String to, String subject, String text);

  /** The mail could not be handed to the server; answered as 503 so nothing is half-written. */
  final class MailFailedException extends RuntimeException {
    public MailFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
