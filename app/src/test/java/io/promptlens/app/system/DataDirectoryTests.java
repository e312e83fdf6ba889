package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.PromptLensApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** With no database configured, the app keeps an H2 file under {@code promptlens.data-dir}. */
class DataDirectoryTests {

  final DataDirectoryEnvironmentPostProcessor processor =
      new DataDirectoryEnvironmentPostProcessor();

  @Test
  void aRelativeDataDirectoryBecomesAbsoluteSoH2AcceptsIt() {
    MockEnvironment environment = new MockEnvironment().withProperty("promptlens.data-dir", "data");

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("promptlens.data-dir"))
        .isEqualTo(Path.of("data").toAbsolutePath().normalize().toString());
  }

  @Test
  void theDefaultIsDataInTheWorkingDirectory() {
    MockEnvironment environment = new MockEnvironment();

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(Path.of(environment.getProperty("promptlens.data-dir")))
        .isEqualTo(Path.of("").toAbsolutePath().resolve("data"));
  }

  @Test
  void theEnvironmentVariableIsHonoured() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("PROMPTLENS_DATA_DIR", "/srv/promptlens/../promptlens-data")));

    processor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("promptlens.data-dir"))
        .isEqualTo(Path.of("/srv/promptlens-data").toAbsolutePath().toString());
  }

  @Test
  void theAppStartsOnAnH2FileDatabaseInTheDataDirectory(@TempDir Path temp) {
    Path dataDir = temp.resolve("nested").resolve("data");

    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(PromptLensApplication.class)
            .web(WebApplicationType.NONE)
            .run("--promptlens.data-dir=" + dataDir)) {
      assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
          .startsWith("jdbc:h2:file:" + dataDir);
    }

    assertThat(dataDir.resolve("promptlens.mv.db")).isRegularFile();
  }
}
