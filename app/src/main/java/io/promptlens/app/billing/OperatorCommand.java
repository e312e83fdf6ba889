package io.promptlens.app.billing;

import java.io.PrintStream;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The app run as a one-shot operator command ({@code promptlens.command}, set by the CLI's {@code
 * promptlens credits adjust}), so the command writes through the same ledger code as every other
 * change of credits. The process exits with 0 (done), 2 (bad input: no such workspace, a blank
 * reason, a debit past what is available) or 1.
 */
@Component
@ConditionalOnProperty("promptlens.command")
class OperatorCommand implements ApplicationRunner, ExitCodeGenerator {

  private final Credits credits;
  private final JdbcClient jdbc;
  private final Environment environment;
  private int exitCode = 1;
  PrintStream out = System.out;
  PrintStream err = System.err;

  OperatorCommand(Credits credits, JdbcClient jdbc, Environment environment) {
    this.credits = credits;
    this.jdbc = jdbc;
    this.environment = environment;
  }

  @Override
  public void run(ApplicationArguments args) {
    String command = environment.getProperty("promptlens.command", "");
    if (!"credits-adjust".equals(command)) {
      err.println("promptlens: unknown operator command '" + command + "'");
      exitCode = 2;
      return;
    }
    try {
      UUID workspace = UUID.fromString(environment.getProperty("promptlens.command.workspace", ""));
      long amount = Long.parseLong(environment.getProperty("promptlens.command.amount", ""));
      String reason = environment.getProperty("promptlens.command.reason", "");
      boolean exists =
          jdbc.sql("SELECT COUNT(*) FROM workspaces WHERE id = :id")
                  .param("id", workspace)
                  .query(Long.class)
                  .single()
              > 0;
      if (!exists) {
        err.println("promptlens: no workspace with id " + workspace);
        exitCode = 2;
        return;
      }
      long balance = credits.adjust(workspace, amount, reason);
      out.println(
          "workspace "
              + workspace
              + ": "
              + (amount > 0 ? "+" : "")
              + amount
              + ", balance "
              + balance);
      exitCode = 0;
    } catch (IllegalArgumentException e) {
      err.println("promptlens: " + e.getMessage());
      exitCode = 2;
    }
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
