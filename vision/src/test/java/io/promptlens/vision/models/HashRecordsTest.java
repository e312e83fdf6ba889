package io.promptlens.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record of file hashes that spares a process start from hashing the whole model store again
 * (issue 17): trusted only while a file's size and time are unchanged.
 */
class HashRecordsTest {

  @TempDir Path root;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(root.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void aRecordedHashIsTakenByTheNextProcessWhileTheFileIsUnchanged() throws Exception {
    Path model = file("model.onnx", "weights");
    new HashRecords(root).record(model, "a".repeat(64));

    assertThat(new HashRecords(root).recorded(model)).isEqualTo("a".repeat(64));
  }

  @Test
  void aFileRewrittenWithAnotherSizeOrTimeIsHashedAgain() throws Exception {
    Path model = file("model.onnx", "weights");
    new HashRecords(root).record(model, "a".repeat(64));

    Files.writeString(model, "other weights", StandardCharsets.UTF_8);
    assertThat(new HashRecords(root).recorded(model)).isNull();

    Path same = file("same-size.onnx", "abc");
    new HashRecords(root).record(same, "b".repeat(64));
    Files.setLastModifiedTime(same, FileTime.fromMillis(1_000_000));
    assertThat(new HashRecords(root).recorded(same)).isNull();
  }

  @Test
  void aGarbledRecordOnlyCostsTheHashing() throws Exception {
    Path model = file("model.onnx", "weights");
    Files.writeString(root.resolve(HashRecords.FILE), "not\ta record\nx\t1\t2\tZZ\n");

    assertThat(new HashRecords(root).recorded(model)).isNull();
  }

  @Test
  void theStoreHashesAFileOnceAndVerifyHashesItAgain() throws Exception {
    Path model = file("model.onnx", "weights");
    String real = Sha256.of(model);
    ModelStore first = new ModelStore(root, ModelManifest.builtIn());
    assertThat(first.sha256(model)).isEqualTo(real);

    // A record that disagrees with the file (as if the file had been replaced in place while
    // keeping its size and time) is believed by status checks, never by verify.
    new HashRecords(root).record(model, "c".repeat(64));
    assertThat(new ModelStore(root, ModelManifest.builtIn()).sha256(model))
        .isEqualTo("c".repeat(64));
    ModelStore verifying = new ModelStore(root, ModelManifest.builtIn());
    verifying.verify();
    assertThat(verifying.sha256(model)).isEqualTo(real);
  }
}
