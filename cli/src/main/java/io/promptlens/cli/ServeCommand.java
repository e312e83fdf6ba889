package io.promptlens.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code promptlens serve}: starts the web app. The app is its own Spring Boot jar (the CLI stays
 * free of the web stack), so this runs it as a child process on the same Java runtime.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Starts the web app (default http://localhost:8080).")
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:PROMPTLENS_DATA_DIR:-./data}",
      description = "Where the embedded database lives (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--app-jar",
      description = "The app jar (default: app/target/promptlens-app.jar beside the CLI's build).")
  Path appJar;

  @Option(
      names = "--no-neural",
      description =
          "Run without the neural models (measured facts only); otherwise they are installed on"
              + " first use.")
  boolean noNeural;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path jar = appJar != null ? appJar : defaultAppJar();
    if (!Files.isRegularFile(jar)) {
      spec.commandLine()
          .getErr()
          .println(
              "promptlens: the web app is not built"
                  + " ("
                  + jar
                  + " is missing)"
                  + "; run ./promptlens, which builds it");
      return PromptLensCli.INTERNAL_ERROR;
    }
    if (!noNeural) {
      FirstRunModels.ensure(spec.commandLine().getErr());
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.add("--server.port=" + port);
    command.add("--promptlens.data-dir=" + dataDir.toAbsolutePath().normalize());
    if (noNeural) {
      command.add("--promptlens.neural.enabled=false");
    }
    Process app = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(app::destroy));
    return app.waitFor();
  }

  /** The launcher passes the checkout as promptlens.home; otherwise the working directory. */
  static Path defaultAppJar() {
    String home = System.getProperty("promptlens.home", ".");
    return Path.of(home, "app", "target", "promptlens-app.jar");
  }
}
