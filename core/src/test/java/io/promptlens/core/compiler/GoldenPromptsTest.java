package io.promptlens.core.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageAnalysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every target × mode compiled from three fixed analyses and compared with the reviewed file in
 * {@code src/test/resources/golden/<target>.txt}. After a deliberate change, regenerate with
 *
 * <pre>mvn -B -pl core test -Dtest=GoldenPromptsTest -Dgolden.update=true</pre>
 *
 * and review the diff before committing it: a golden file is a claim that the prompts read well.
 */
class GoldenPromptsTest {

  static final Path DIRECTORY = Path.of("src/test/resources/golden");

  private static final Map<String, ImageAnalysis> FIXTURES = new LinkedHashMap<>();

  static {
    FIXTURES.put("warm-fox", Fixtures.warmFox());
    FIXTURES.put("rainy-street", Fixtures.rainyStreet());
    FIXTURES.put("unknown-portrait", Fixtures.unknownPortrait());
  }

  private final PromptCompiler compiler = new PromptCompiler();

  static Stream<String> targets() {
    return new PromptCompiler().targets().all().stream().map(TargetProfile::id);
  }

  @ParameterizedTest
  @MethodSource("targets")
  void matchesTheReviewedGoldenFile(String target) throws IOException {
    String actual = render(target);
    Path file = DIRECTORY.resolve(target + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIRECTORY);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file).exists();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(actual);
  }

  private String render(String target) {
    StringBuilder out = new StringBuilder();
    out.append("# Golden prompts for ")
        .append(target)
        .append(
            ". Regenerate: mvn -B -pl core test -Dtest=GoldenPromptsTest -Dgolden.update=true\n");
    Controls controls = Controls.defaults();
    for (var fixture : FIXTURES.entrySet()) {
      for (Mode mode : Mode.values()) {
        PromptResult result = compiler.compile(fixture.getValue(), target, mode, controls);
        out.append("\n== ").append(fixture.getKey()).append(" / ").append(mode).append('\n');
        out.append("prompt: ").append(result.prompt()).append('\n');
        if (result.negativePrompt() != null) {
          out.append("negative: ").append(result.negativePrompt()).append('\n');
        }
        out.append("parameters: ").append(result.parameters()).append('\n');
        out.append("tokens: ").append(result.tokens()).append('\n');
        for (String warning : result.warnings()) {
          out.append("warning: ").append(warning).append('\n');
        }
      }
    }
    // One edit with a change asked, so the instruction form is on record too.
    Controls change =
        new Controls(
            Detail.MEDIUM, false, true, null, "a lighthouse", List.of(), List.of("people"));
    PromptResult edit = compiler.compile(Fixtures.warmFox(), target, Mode.EDIT, change);
    out.append("\n== warm-fox / edit, subject a lighthouse, avoid people\n");
    out.append("prompt: ").append(edit.prompt()).append('\n');
    if (edit.negativePrompt() != null) {
      out.append("negative: ").append(edit.negativePrompt()).append('\n');
    }
    out.append("parameters: ").append(edit.parameters()).append('\n');
    return out.toString();
  }
}
