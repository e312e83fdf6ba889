package io.promptlens.cli;

import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.TargetProfile;
import io.promptlens.vision.json.AnalysisJson;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code promptlens targets [--json]}: the models PromptLens writes prompts for. */
@Command(
    name = "targets",
    mixinStandardHelpOptions = true,
    description = "Lists the target models.")
final class TargetsCommand implements Callable<Integer> {

  @Option(names = "--json", description = "A JSON array of {id, name, kind}.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<TargetProfile> targets = new PromptCompiler().targets().all();
    if (json) {
      List<Map<String, String>> rows =
          targets.stream()
              .map(
                  t -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("id", t.id());
                    row.put("name", t.name());
                    row.put("kind", t.kind().toString());
                    return row;
                  })
              .toList();
      out.println(AnalysisJson.write(rows));
    } else {
      for (TargetProfile t : targets) {
        out.printf("%-12s %-6s %s%n", t.id(), t.kind(), t.name());
      }
    }
    out.flush();
    return PromptLensCli.OK;
  }
}
