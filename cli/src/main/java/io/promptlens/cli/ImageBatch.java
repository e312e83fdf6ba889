package io.promptlens.cli;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.engine.AnalysisEngine;
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

  static int run(List<String> files, AnalysisEngine pipeline, PrintWriter err, Handler handler) {
    boolean failed = false;
    for (String file : files) {
      try {
        handler.accept(file, pipeline.analyze(Path.of(file)));
      } catch (Exception e) {
        failed = report(err, file, reason(e));
      }
    }
    return failed ? PromptLensCli.INPUT_FAILED : PromptLensCli.OK;
  }

  /** The one-line reason an input failed, in the words every command uses. */
  static String reason(Exception e) {
    if (e instanceof ImageRejectedException || e instanceof ProviderException) {
      String message = e.getMessage();
      // Both say why in their message; one built without a message still gets a line that says
      // which kind of failure it was, never "null".
      if (message != null) {
        return message;
      }
      return e instanceof ProviderException ? "the provider failed" : "rejected";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof IOException) {
      return "could not be read" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
    if (e instanceof java.nio.file.InvalidPathException) {
      return "not a valid path";
    }
    // One bad input must not stop the others; this is a bug, said in one line.
    return "could not be analysed (internal error: " + e.getMessage() + ")";
  }

  private static boolean report(PrintWriter err, String file, String reason) {
    err.println(file + ": " + reason.replace('\n', ' '));
    err.flush();
    return true;
  }
}
