package io.promptlens.cli;

import io.promptlens.core.compiler.Detail;
import io.promptlens.core.compiler.Mode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code promptlens} command line. Exit codes are a contract (README): 0 every input was
 * processed, 2 usage error, 3 at least one input could not be processed, 1 an internal error.
 */
@Command(
    name = "promptlens",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Turns reference images into prompts for image and video models.",
    subcommands = {
      AnalyzeCommand.class,
      DescribeCommand.class,
      CaptionCommand.class,
      TargetsCommand.class,
      ModelsCommand.class,
      ProvidersCommand.class,
      ServeCommand.class,
      CreditsCommand.class,
      BenchCommand.class,
      EvalCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PromptLensCli implements Runnable {

  public static final int OK = 0;
  public static final int INTERNAL_ERROR = 1;
  public static final int USAGE = 2;
  public static final int INPUT_FAILED = 3;

  /**
   * A measured figure fell short of the bar the command was given ({@code eval --min-precision}).
   */
  public static final int BELOW_TARGET = 4;

  /**
   * The engine's notes in the command line's words: a provider is asked for with {@code
   * --provider}, and a configured one is always used.
   */
  static final io.promptlens.engine.AnalysisEngine.Notes ENGINE_NOTES =
      new io.promptlens.engine.AnalysisEngine.Notes(
          "no vision-language provider configured: the local engine ran alone (see --provider)",
          "the vision-language provider was not used");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, args));
  }

  /** Runs the CLI with the given streams and returns the exit code; what tests call. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new PromptLensCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(Mode.class, Mode::parse);
    cli.registerConverter(Detail.class, Detail::parse);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          // Expected failures are handled inside the commands; anything reaching here is a bug,
          // reported in one line so a user never sees a stack trace.
          commandLine.getErr().println("promptlens: internal error: " + describe(exception));
          return INTERNAL_ERROR;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  private static String describe(Throwable exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getSimpleName() : message;
  }
}
