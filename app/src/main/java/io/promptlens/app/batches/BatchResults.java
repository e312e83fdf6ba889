package io.promptlens.app.batches;

import io.promptlens.core.caption.Csv;
import io.promptlens.vision.json.AnalysisJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch's finished captions as a download, written while the rows are read: a ZIP of sidecars
 * (each image's name with {@code .txt}, in the folders it came in) plus {@code captions.csv}, or
 * the CSV alone, or JSON Lines. Columns as {@code promptlens caption}'s, plus the item, analysis
 * and generation ids.
 */
@Component
record BatchResults(BatchRepository batches) {

  enum Format {
    ZIP("application/zip", "zip"),
    CSV("text/csv", "csv"),
    JSONL("application/x-ndjson", "jsonl");

    final String contentType;
    final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    static Format parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BatchRequestException("format must be zip, csv or jsonl");
      }
    }
  }

  static final List<String> CSV_COLUMNS =
      List.of(
          "file",
          "caption",
          "prompt",
          "negative_prompt",
          "target",
          "mode",
          "tokens",
          "sha256",
          "item",
          "analysis_id",
          "generation_id");

  void write(UUID batchId, Format format, OutputStream out) throws IOException {
    switch (format) {
      case CSV -> {
        out.write((Csv.line(CSV_COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8));
        each(batchId, r -> out.write((csv(r) + "\n").getBytes(StandardCharsets.UTF_8)));
      }
      case JSONL ->
          each(batchId, r -> out.write((json(r) + "\n").getBytes(StandardCharsets.UTF_8)));
      case ZIP -> zip(batchId, out);
    }
    out.flush();
  }

  private void zip(UUID batchId, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    StringBuilder csv = new StringBuilder(Csv.line(CSV_COLUMNS)).append('\n');
    Set<String> names = new HashSet<>();
    each(
        batchId,
        r -> {
          zip.putNextEntry(new ZipEntry(sidecar(r.fileName(), names)));
          zip.write((r.caption() + "\n").getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
          csv.append(csv(r)).append('\n');
        });
    zip.putNextEntry(
        new ZipEntry(names.contains("captions.csv") ? "_captions.csv" : "captions.csv"));
    zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
  }

  /**
   * {@code a/b.png} → {@code a/b.txt}; when two images would share one ({@code b.png}, {@code
   * b.jpg}), the later keeps its whole name ({@code b.jpg.txt}). Names were checked at upload (no
   * {@code ..}, nothing absolute), so entries stay inside the folder they are unpacked into.
   */
  static String sidecar(String fileName, Set<String> taken) {
    int slash = fileName.lastIndexOf('/');
    int dot = fileName.lastIndexOf('.');
    String base = dot > slash + 1 ? fileName.substring(0, dot) : fileName;
    String name = base + ".txt";
    if (!taken.add(name)) {
      name = fileName + ".txt";
      for (int n = 2; !taken.add(name); n++) {
        name = fileName + "-" + n + ".txt";
      }
    }
    return name;
  }

  private interface RowWriter {
    void write(BatchRepository.Result result) throws IOException;
  }

  private void each(UUID batchId, RowWriter writer) {
    batches.results(
        batchId,
        r -> {
          try {
            writer.write(r);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static String csv(BatchRepository.Result r) {
    return Csv.line(
        Arrays.asList(
            r.fileName(),
            r.caption(),
            r.prompt(),
            r.negativePrompt(),
            r.target(),
            r.mode(),
            r.tokens(),
            r.sha256(),
            r.itemNo(),
            r.analysisId(),
            r.generationId()));
  }

  private static String json(BatchRepository.Result r) {
    ObjectNode node = AnalysisJson.mapper().createObjectNode();
    node.put("file", r.fileName());
    node.put("caption", r.caption());
    node.put("prompt", r.prompt());
    node.put("negativePrompt", r.negativePrompt());
    node.put("target", r.target());
    node.put("mode", r.mode());
    node.put("tokens", r.tokens());
    node.put("sha256", r.sha256());
    node.put("item", r.itemNo());
    node.put("analysisId", r.analysisId().toString());
    node.put("generationId", r.generationId().toString());
    return AnalysisJson.mapper().writeValueAsString(node);
  }
}
