package io.promptlens.app.providers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs the providers' state once the app is ready, as {@code promptlens providers check} would
 * print it, so an operator sees a rejected key or a retired model before a user does. The
 * configured provider's model-list call runs on its own daemon thread: a slow or unreachable
 * service never holds up start-up.
 */
@Component
record ProviderStartupLog(ProviderStatus status) {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderStartupLog.class);

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    Thread thread = new Thread(this::log, "provider-check");
    thread.setDaemon(true);
    thread.start();
  }

  void log() {
    ProviderStatus.Report report = status.report(true);
    for (String line : ProviderStatus.lines(report)) {
      boolean problem =
          line.contains("warning:")
              || line.startsWith("provider configuration")
              || (line.startsWith("provider check (") && !line.contains("): ok: "));
      if (problem) {
        LOG.warn(line);
      } else {
        LOG.info(line);
      }
    }
  }
}
