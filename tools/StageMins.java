import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import io.promptlens.vision.intake.ImageIntake;
import io.promptlens.vision.intake.IntakeLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Usage: java -cp "$(ls -d DIR/BOOT-INF/lib/*.jar | tr '\n' ':')" tools/StageMins.java IMAGE RUNS,
 * where DIR holds a CLI jar's libraries ({@code unzip -q promptlens-cli.jar 'BOOT-INF/lib/*'}).
 *
 * <p>The minimum over RUNS of the analysis decode, of each measured analyzer (in turn, no models)
 * and of their sum, in ms. On a machine other builds share, a median moves with their load; the
 * minimum is the run that was not interrupted, so two builds compare by it when the median cannot
 * tell a few milliseconds apart.
 */
public class StageMins {
  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    int runs = Integer.parseInt(args[1]);
    ImageIntake intake = new ImageIntake(IntakeLimits.defaults());
    ImageAnalyzer analyzer = new ImageAnalyzer();
    Map<String, Long> min = new LinkedHashMap<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      DecodedImage image = intake.decode(bytes);
      min.merge("decodeAnalysis", System.nanoTime() - t0, Math::min);
      long[] sum = {0};
      analyzer.analyzeInTurn(
          image,
          (stage, nanos) -> {
            min.merge(stage, nanos, Math::min);
            sum[0] += nanos;
          });
      min.merge("measured", sum[0], Math::min);
    }
    StringBuilder line = new StringBuilder();
    min.forEach((stage, nanos) -> line.append(String.format("%s=%.2f ", stage, nanos / 1e6)));
    System.out.println(line.toString().strip());
  }
}
