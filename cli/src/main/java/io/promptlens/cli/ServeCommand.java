package io.promptlens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin AppJarOptions app;

  @Option(
      names = "--no-neural",
      description =
          "Run without the neural models (measured facts only); otherwise they are installed on"
              + " first use.")
  boolean noNeural;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path jar = app.builtJar(spec.commandLine().getErr());
    if (jar == null) {
      return PromptLensCli.INTERNAL_ERROR;
    }
    if (!noNeural) {
      FirstRunModels.ensure(spec.commandLine().getErr());
    }
    List<String> command = app.command(jar);
    command.add("--server.port=" + port);
    if (noNeural) {
      command.add("--promptlens.neural.enabled=false");
    }
    Process server = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
    return server.waitFor();
  }
}
