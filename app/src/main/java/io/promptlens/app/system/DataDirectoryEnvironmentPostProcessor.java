package io.promptlens.app.system;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code promptlens.data-dir} absolute before anything reads it. H2 refuses file URLs that
 * are implicitly relative ({@code data/promptlens}), and users and the CLI pass whatever path they
 * like; resolving it here keeps {@code --promptlens.data-dir=data} and {@code
 * PROMPTLENS_DATA_DIR=data} working and makes the log show where the database really is.
 */
class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "promptlens.data-dir";
  static final String DEFAULT = "./data";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY, DEFAULT);
    String absolute = Path.of(configured.strip()).toAbsolutePath().normalize().toString();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("promptlensDataDirectory", Map.of(PROPERTY, absolute)));
  }

  /** After the config files are loaded, so a value from any of them is seen. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
