package io.promptlens.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PromptLens web app: upload an image, get prompts for image and video models. One package per
 * feature ({@code analyses}, {@code generations}, {@code web}); wiring and error handling live in
 * {@code system}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PromptLensApplication {

  public static void main(String[] args) {
    ConfigurableApplicationContext app = SpringApplication.run(PromptLensApplication.class, args);
    // A one-shot operator command (billing.OperatorCommand, run by `promptlens credits adjust`)
    // exits with its code once done; the web app keeps running.
    if (app.getEnvironment().containsProperty("promptlens.command")) {
      System.exit(SpringApplication.exit(app));
    }
  }
}
