package io.promptlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line that starts the web app: its memory is bounded whatever the machine's. */
class AppJarOptionsTest {

  @Test
  void theAppRunsWithAOneGigabyteHeapGivenToTheJvmNotToTheApp() {
    AppJarOptions options = new AppJarOptions();
    options.dataDir = Path.of("/srv/promptlens");

    List<String> command = options.command(Path.of("app.jar"));

    assertThat(command).contains("-Xmx1g");
    assertThat(command.indexOf("-Xmx1g")).isLessThan(command.indexOf("-jar"));
    assertThat(command.subList(command.indexOf("-jar"), command.size()))
        .containsExactly("-jar", "app.jar", "--promptlens.data-dir=/srv/promptlens");
  }
}
