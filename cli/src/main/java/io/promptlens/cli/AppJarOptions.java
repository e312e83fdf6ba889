package io.promptlens.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options of the commands that run the web app's jar (serve, credits adjust): where it is, its
 * data.
 */
final class AppJarOptions {

  @Option(
      names = "--data-dir",
      defaultValue = "${env:PROMPTLENS_DATA_DIR:-./data}",
      description = "Where the embedded database lives (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--app-jar",
      description = "The app jar (default: app/target/promptlens-app.jar beside the CLI's build).")
  @Nullable Path appJar;

  /** The app jar, or null after telling {@code err} that it is not built. */
  @Nullable Path builtJar(PrintWriter err) {
    Path jar = appJar != null ? appJar : defaultAppJar();
    if (!Files.isRegularFile(jar)) {
      err.println(
          "promptlens: the web app is not built ("
              + jar
              + " is missing); run ./promptlens, which"
              + " builds it");
      return null;
    }
    return jar;
  }

  /** The start of every command line that runs the app: this JVM, the jar, the data folder. */
  List<String> command(Path jar) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.add("--promptlens.data-dir=" + dataDir.toAbsolutePath().normalize());
    return command;
  }

  /** The launcher passes the checkout as promptlens.home; otherwise the working directory. */
  static Path defaultAppJar() {
    String home = System.getProperty("promptlens.home", ".");
    return Path.of(home, "app", "target", "promptlens-app.jar");
  }
}
