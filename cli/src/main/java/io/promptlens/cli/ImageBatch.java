package io.promptlens.cli;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.providers.ProviderException;
import io.promptlens.vision.intake.ImageRejectedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Analyses each input in turn. A failed input gets one plain line on stderr ("path: reason") and
 * the batch goes on; the exit code says whether any input failed.
 */
final class ImageBatch {

  /** What to do with each analysed image. */
  interface Handler {
    void accept(String file, ImageAnalysis analysis);
  }

  private ImageBatch() {}

  static int run(List<String> files, AnalysisPipeline pipeline, PrintWriter err, Handler handler) {
    boolean failed = false;
    for (String file : files) {
      try {
        handler.accept(file, pipeline.analyze(Path.of(file)));
      } catch (ImageRejectedException e) {
        failed = report(err, file, e.getMessage());
      } catch (ProviderException e) {
        failed = report(err, file, e.getMessage());
      } catch (NoSuchFileException e) {
        failed = report(err, file, "no such file");
      } catch (AccessDeniedException e) {
        failed = report(err, file, "permission denied");
      } catch (IOException e) {
        failed =
            report(
                err,
                file,
                "could not be read" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
      } catch (java.nio.file.InvalidPathException e) {
        failed = report(err, file, "not a valid path");
      } catch (RuntimeException e) {
        // One bad input must not stop the others; this is a bug, said in one line.
        failed =
            report(err, file, "could not be analysed (internal error: " + e.getMessage() + ")");
      }
    }
    return failed ? PromptLensCli.INPUT_FAILED : PromptLensCli.OK;
  }

  private static boolean report(PrintWriter err, String file, String reason) {
    err.println(file + ": " + reason.replace('\n', ' '));
    err.flush();
    return true;
  }
}
