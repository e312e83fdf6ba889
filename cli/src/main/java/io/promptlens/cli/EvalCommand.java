package io.promptlens.cli;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.json.AnalysisJson;
import io.promptlens.vision.neural.ModelLoader;
import io.promptlens.vision.neural.NeuralAnalyzers;
import io.promptlens.vision.neural.SafetyClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code promptlens eval [--json] [--no-neural] [--target ID] [--dump-statements FILE] MANIFEST}:
 * accuracy of the analysis against a labelled CSV manifest (columns {@code file, split, ...,
 * medium, grayscale, sky, photo}; an empty label or a missing column is not scored), per attribute
 * and per split (tuning, heldout). The neural models take part when installed, as in {@code
 * analyze}, because they change the medium. {@code photo} is the coarse question a user asks first:
 * is the picture a photograph ({@code true}) or was it drawn, painted, rendered or laid out ({@code
 * false})?
 *
 * <p>When the manifest has statement columns ({@code eval/statements.csv}: indoor, sky, shot_scale,
 * people, objects, ...), each image's full-mode prompt for {@code --target} is also read statement
 * by statement ({@link PromptStatements}) and scored ({@link StatementScorer}).
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Scores the analysis against a labelled manifest, per attribute and split.")
final class EvalCommand implements Callable<Integer> {

  /** The labelled attributes, each read from the analysis as a lower-case string. */
  static final List<String> ATTRIBUTES = List.of("medium", "grayscale", "sky", "photo");

  @Mixin IntakeOptions intake;

  @Option(names = "--json", description = "One JSON object with the counts per split.")
  boolean json;

  @Option(
      names = {"-t", "--target"},
      paramLabel = "ID",
      defaultValue = "flux",
      description = "Target whose full-mode prompt is scored (default: ${DEFAULT-VALUE}).")
  String target;

  @Option(
      names = "--dump-statements",
      paramLabel = "FILE",
      description =
          "Write one CSV row per candidate statement (said or not) with its confidence and label.")
  @Nullable Path dump;

  @Option(
      names = "--min-precision",
      paramLabel = "P",
      description =
          "Exit with code 4 when a statement kind the prompts say has held-out precision below P"
              + " (0-1), the bar of issue 18.")
  @Nullable Double minPrecision;

  @Option(
      names = "--calibrate",
      paramLabel = "P",
      description =
          "Print, per statement kind, the lowest confidence at which the tuning split's"
              + " statements reach precision P (0-1): the numbers for StatementThresholds.")
  @Nullable Double calibrate;

  @Option(
      names = "--min-support",
      paramLabel = "N",
      defaultValue = "20",
      description = "Judged statements a --calibrate threshold needs (default: ${DEFAULT-VALUE}).")
  int minSupport;

  @Option(
      names = "--train-medium-probe",
      paramLabel = "FILE",
      description =
          "Fit the medium probe on the tuning rows (photo, illustration), write it to FILE (the"
              + " shipped one is vision's medium-probe.json) and print the out-of-fold thresholds"
              + " for precision --calibrate (default 0.95); held-out rows are not read.")
  @Nullable Path trainMediumProbe;

  @Option(
      names = "--train-scene-probe",
      paramLabel = "FILE",
      description =
          "Fit the scene probe on the tuning rows (outdoor, indoor, sky, clouds, water,"
              + " vegetation), write it to FILE (the shipped one is vision's scene-probe.json) and"
              + " print the out-of-fold thresholds for precision --calibrate (default 0.95);"
              + " held-out rows are not read.")
  @Nullable Path trainSceneProbe;

  @Parameters(paramLabel = "MANIFEST", description = "CSV manifest; files relative to it.")
  Path manifest;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final PromptCompiler compiler = new PromptCompiler();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest);
    } catch (IOException e) {
      err.println("promptlens eval: cannot read " + manifest + ": " + e.getMessage());
      return PromptLensCli.INPUT_FAILED;
    }
    if (lines.isEmpty()) {
      err.println("promptlens eval: " + manifest + " is empty");
      return PromptLensCli.INPUT_FAILED;
    }
    Options.check(
        spec,
        () -> {
          compiler.targets().require(target);
          if (minPrecision != null && !(minPrecision >= 0 && minPrecision <= 1)) {
            throw new IllegalArgumentException("--min-precision must lie in 0..1");
          }
        });
    if (trainMediumProbe != null || trainSceneProbe != null) {
      return trainProbes(lines, out, err);
    }
    NeuralAnalyzers neural = intake.neural();
    ImageAnalyzer analyzer = new ImageAnalyzer(Options.limits(spec, intake), neural);
    try {
      return score(lines, analyzer, out, err);
    } finally {
      if (neural != null) {
        neural.close();
      }
    }
  }

  private Integer trainProbes(List<String> lines, PrintWriter out, PrintWriter err)
      throws IOException {
    List<String> header = csv(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        List<String> row = csv(line);
        Map<String, String> r = new java.util.HashMap<>();
        for (String name : header) {
          r.put(name, field(header, row, name));
        }
        rows.add(r);
      }
    }
    List<ProbeTraining.Row> tuning;
    try (SafetyClassifier safety = SafetyClassifier.load(ModelLoader.of(intake.store()))) {
      tuning = ProbeTraining.rows(rows, manifestFolder(), safety, err);
    }
    double target = calibrate == null ? 0.95 : calibrate;
    if (trainMediumProbe != null) {
      String trainedOn =
          ProbeTraining.withMedium(tuning).size()
              + " tuning images of "
              + manifest.getFileName()
              + " (photo, illustration)";
      write(trainMediumProbe, ProbeTraining.fitMedium(tuning, trainedOn).toJson());
      out.println("wrote " + trainMediumProbe + ": " + trainedOn);
      out.println(
          ThresholdCalibration.table(
              ThresholdCalibration.choose(
                  ProbeTraining.mediumOutOfFold(tuning), target, minSupport),
              target,
              minSupport));
    }
    if (trainSceneProbe != null) {
      String trainedOn =
          tuning.size()
              + " tuning images of "
              + manifest.getFileName()
              + " ("
              + String.join(", ", ProbeTraining.SCENE)
              + ", each on the rows labelled for it)";
      write(trainSceneProbe, ProbeTraining.fitScene(tuning, trainedOn).set().toJson());
      out.println("wrote " + trainSceneProbe + ": " + trainedOn);
      out.println(
          ThresholdCalibration.table(
              ThresholdCalibration.choose(ProbeTraining.sceneOutOfFold(tuning), target, minSupport),
              target,
              minSupport));
    }
    return PromptLensCli.OK;
  }

  /**
   * The folder the manifest's file names are relative to. Only called after the manifest was read
   * as a file, and a readable file's absolute path always has a parent (only a root has none).
   */
  private Path manifestFolder() {
    return Objects.requireNonNull(manifest.toAbsolutePath().getParent(), "a file has a parent");
  }

  private static void write(Path file, Map<String, Object> json) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file,
        AnalysisJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
  }

  private Integer score(
      List<String> lines, ImageAnalyzer analyzer, PrintWriter out, PrintWriter err) {
    List<String> header = csv(lines.get(0));
    Path base = manifestFolder();
    // split -> attribute -> {scored, correct}
    Map<String, Map<String, int[]>> counts = new TreeMap<>();
    boolean statements = header.stream().anyMatch(StatementScorer.KINDS::contains);
    StatementScorer scorer = new StatementScorer();
    List<String> dumped = new ArrayList<>();
    List<ThresholdCalibration.Candidate> tuning = new ArrayList<>();
    dumped.add(StatementDump.HEADER);
    int code = PromptLensCli.OK;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> row = csv(line);
      String file = field(header, row, "file");
      String split = field(header, row, "split");
      ImageAnalysis analysis;
      try {
        analysis = analyzer.analyze(base.resolve(file));
      } catch (IOException | ImageRejectedException e) {
        err.println("promptlens eval: " + file + ": " + e.getMessage());
        code = PromptLensCli.INPUT_FAILED;
        continue;
      }
      for (String attribute : ATTRIBUTES) {
        String expected = field(header, row, attribute);
        if (expected.isEmpty()) {
          continue;
        }
        int[] c =
            counts
                .computeIfAbsent(split, s -> new TreeMap<>())
                .computeIfAbsent(attribute, a -> new int[2]);
        c[0]++;
        if (expected.equalsIgnoreCase(predicted(analysis, attribute))) {
          c[1]++;
        }
      }
      if (statements) {
        Map<String, String> labels = new java.util.HashMap<>();
        for (String kind : StatementScorer.KINDS) {
          if (header.contains(kind)) {
            labels.put(kind, field(header, row, kind));
          }
        }
        PromptResult prompt = compiler.compile(analysis, target, Mode.FULL, Controls.defaults());
        PromptStatements read =
            PromptStatements.of(prompt.anatomy(), AnalysisJson.mapper().valueToTree(analysis));
        scorer.add(split, labels, read.statements(), read.unscoredKinds(), read.subjectFirst());
        read.statements().forEach(st -> dumped.add(StatementDump.row(file, split, st, labels)));
        if ("tuning".equals(split)) {
          for (Statement st : read.statements()) {
            Boolean truth = StatementScorer.truth(st, labels);
            if (truth != null && st.confidence() != null) {
              tuning.add(new ThresholdCalibration.Candidate(st.kind(), st.confidence(), truth));
            }
          }
        }
      }
    }
    Map<String, StatementScorer.SplitFigures> figures = scorer.figures();
    if (json) {
      ObjectNode root = json(counts);
      if (statements) {
        StatementReport.json(root.putObject("statements"), target, figures);
      }
      out.println(root);
    } else {
      out.println(table(counts));
      if (statements) {
        out.println();
        out.println(StatementReport.table(target, figures));
      }
    }
    if (calibrate != null) {
      out.println();
      out.println(
          ThresholdCalibration.table(
              ThresholdCalibration.choose(tuning, calibrate, minSupport), calibrate, minSupport));
    }
    if (dump != null) {
      try {
        Files.write(dump, dumped);
      } catch (IOException e) {
        err.println("promptlens eval: cannot write " + dump + ": " + e.getMessage());
        code = PromptLensCli.INPUT_FAILED;
      }
    }
    if (minPrecision != null && code == PromptLensCli.OK) {
      code = checkPrecision(figures.get("heldout"), minPrecision, err);
    }
    return code;
  }

  /**
   * Every kind said on held-out images must reach {@code --min-precision}; a kind never said
   * passes.
   */
  private static int checkPrecision(
      StatementScorer.@Nullable SplitFigures heldout, double minPrecision, PrintWriter err) {
    int code = PromptLensCli.OK;
    if (heldout == null) {
      err.println("promptlens eval: --min-precision: no held-out statements scored");
      return PromptLensCli.BELOW_TARGET;
    }
    for (var kind : heldout.kinds().entrySet()) {
      Double precision = kind.getValue().precision();
      if (precision != null && precision < minPrecision) {
        err.printf(
            Locale.ROOT,
            "promptlens eval: held-out precision of %s is %d/%d (%.3f), under %.3f%n",
            kind.getKey(),
            kind.getValue().correct(),
            kind.getValue().scored(),
            precision,
            minPrecision);
        code = PromptLensCli.BELOW_TARGET;
      }
    }
    return code;
  }

  static String predicted(ImageAnalysis a, String attribute) {
    return switch (attribute) {
      case "medium" -> a.medium().label().toString();
      case "grayscale" -> Boolean.toString(a.color().grayscale());
      case "photo" -> Boolean.toString(a.medium().label() == MediumLabel.PHOTO);
      case "sky" ->
          Boolean.toString(
              a.scene().labels().stream().map(Scene.Label::label).anyMatch("sky"::equals));
      default -> throw new IllegalArgumentException(attribute);
    };
  }

  private static String table(Map<String, Map<String, int[]>> counts) {
    StringBuilder s = new StringBuilder("| split | attribute | scored | correct | accuracy |\n");
    s.append("|---|---|---:|---:|---:|\n");
    counts.forEach(
        (split, attributes) ->
            attributes.forEach(
                (attribute, c) ->
                    s.append(
                        String.format(
                            Locale.ROOT,
                            "| %s | %s | %d | %d | %.0f %% |%n",
                            split,
                            attribute,
                            c[0],
                            c[1],
                            100.0 * c[1] / c[0]))));
    return s.toString().stripTrailing();
  }

  private static ObjectNode json(Map<String, Map<String, int[]>> counts) {
    ObjectNode root = AnalysisJson.mapper().createObjectNode();
    counts.forEach(
        (split, attributes) -> {
          ArrayNode list = root.putArray(split);
          attributes.forEach(
              (attribute, c) ->
                  list.addObject()
                      .put("attribute", attribute)
                      .put("scored", c[0])
                      .put("correct", c[1])
                      .put("accuracy", Math.round(1000.0 * c[1] / c[0]) / 1000.0));
        });
    return root;
  }

  private static String field(List<String> header, List<String> row, String name) {
    int i = header.indexOf(name);
    return i < 0 || i >= row.size() ? "" : row.get(i).strip();
  }

  /** One CSV line (RFC 4180 quoting, no embedded newlines). */
  static List<String> csv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    fields.add(current.toString());
    return fields;
  }
}
