package io.promptlens.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail) on a free local port, started once for the test JVM, and the app's
 * mail sender pointed at it. Tests use fresh addresses, so they read only their own mail.
 */
public final class TestMail {

  private static final GreenMail SERVER = start();

  /**
   * Every received mail, each parsed once. GreenMail lists mails per mailbox, not in arrival order,
   * so they are remembered by identity; within one address they are in arrival order.
   */
  private static final java.util.Map<MimeMessage, Received> READ =
      new java.util.IdentityHashMap<>();

  private record Received(String recipients, Mail mail) {}

  private static synchronized List<Received> received() {
    List<Received> all = new java.util.ArrayList<>();
    for (MimeMessage message : SERVER.getReceivedMessages()) {
      all.add(READ.computeIfAbsent(message, m -> new Received(recipients(m), mail(m))));
    }
    return all;
  }

  private TestMail() {}

  private static GreenMail start() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  /** The SMTP port, for an app started as its own process ({@code spring.mail.port}). */
  public static int port() {
    return SERVER.getSmtp().getPort();
  }

  /** The mails received for {@code address} so far, waiting up to 10 s for at least one. */
  public static List<Mail> to(String address) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      List<Mail> mails =
          received().stream()
              .filter(received -> received.recipients().contains(address))
              .map(Received::mail)
              .toList();
      if (!mails.isEmpty() || Instant.now().isAfter(deadline)) {
        return mails;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return mails;
      }
    }
  }

  /** The last mail to {@code address}; fails the test when none came. */
  public static Mail last(String address) {
    List<Mail> mails = to(address);
    if (mails.isEmpty()) {
      throw new AssertionError("no mail arrived for " + address);
    }
    return mails.get(mails.size() - 1);
  }

  /** How many mails arrived for the address, without waiting. */
  public static long count(String address) {
    return received().stream().filter(received -> received.recipients().contains(address)).count();
  }

  public record Mail(String subject, String body) {

    /** The first link in the body that contains {@code pathPart}. */
    public String link(String pathPart) {
      Matcher matcher = Pattern.compile("https?://\\S+").matcher(body);
      while (matcher.find()) {
        if (matcher.group().contains(pathPart)) {
          return matcher.group();
        }
      }
      throw new AssertionError("no link with " + pathPart + " in: " + body);
    }
  }

  private static String recipients(MimeMessage message) {
    try {
      return String.valueOf(Arrays.toString(message.getAllRecipients()));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Mail mail(MimeMessage message) {
    try {
      return new Mail(
          message.getSubject(), String.valueOf(message.getContent()).replace("\r\n", "\n"));
    } catch (jakarta.mail.MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Imported by {@link AppIntegration}: the app sends its mail to the server above. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Config {
    @Bean
    JavaMailSender testMailSender() {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(SERVER.getSmtp().getPort());
      return sender;
    }
  }
}
