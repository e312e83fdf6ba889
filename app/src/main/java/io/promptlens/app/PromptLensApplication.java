package io.promptlens.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The PromptLens web app: upload an image, get prompts for image and video models. One package per
 * feature ({@code analyses}, {@code generations}, {@code web}); wiring and error handling live in
 * {@code system}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PromptLensApplication {

  public static void main(String[] args) {
    SpringApplication.run(PromptLensApplication.class, args);
  }
}
