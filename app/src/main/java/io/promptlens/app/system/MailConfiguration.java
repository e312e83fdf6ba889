package io.promptlens.app.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** One {@link Mailer}: SMTP when a mail sender is configured, the log otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailConfiguration.MailProperties.class)
class MailConfiguration {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  /**
   * @param from the sender address of every mail
   */
  @ConfigurationProperties("promptlens.mail")
  record MailProperties(@DefaultValue("PromptLens <no-reply@promptlens.invalid>") String from) {}

  @Bean
  Mailer mailer(ObjectProvider<JavaMailSender> sender, MailProperties properties) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      return (to, subject, text) ->
          log.info("Mail (no SMTP server configured) to {}: {}\n{}", to, subject, text);
    }
    return (to, subject, text) -> {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(properties.from());
      message.setTo(to);
      message.setSubject(subject);
      message.setText(text);
      try {
        smtp.send(message);
      } catch (MailException e) {
        throw new Mailer.MailFailedException("mail to the user could not be sent", e);
      }
    };
  }
}
