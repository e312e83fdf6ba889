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

  /**
   * The app's heap cap. Without one the JVM's default heap (a quarter of the machine's memory) lets
   * the heap grow before it collects: under a load of 1 MP analyses the app reached 1.28 GB
   * resident within a minute and was still growing (0.76–0.93 GB with this cap after as many;
   * tools/bench-analyze-server.sh, docs/performance.md), and issue 17 bounds the server at 1.5 GB.
   * The load benchmark and the batch caption run use the same gigabyte.
   */
  static final String HEAP = "-Xmx1g";

  /**
   * The start of every command line that runs the app: this JVM with the heap cap, the jar, the
   * data folder.
   */
  List<String> command(Path jar) {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, HEAP, "-jar", jar.toString()));
    command.add("--promptlens.data-dir=" + dataDir.toAbsolutePath().normalize());
    return command;
  }

  /** The launcher passes the checkout as promptlens.home; otherwise the working directory. */
  static Path defaultAppJar() {
    String home = System.getProperty("promptlens.home", ".");
    return Path.of(home, "app", "target", "promptlens-app.jar");
  }
}
