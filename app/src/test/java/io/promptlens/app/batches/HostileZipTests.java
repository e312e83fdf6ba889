package io.promptlens.app.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.app.support.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A batch's ZIP is hostile input: each way an archive attacks the reader is refused with a reason,
 * before more than a bounded amount is inflated, and nothing reaches the sink after the refusal.
 */
class HostileZipTests {

  private static final BatchProperties LIMITS =
      new BatchProperties(1000, DataSize.ofMegabytes(512), 50, DataSize.ofMegabytes(512), 100);
  private static final long IMAGE_LIMIT = 1024 * 1024;

  private final List<String> accepted = new ArrayList<>();

  private UploadedImages reader() {
    return new UploadedImages(
        LIMITS,
        IMAGE_LIMIT,
        (name, bytes, failure) ->
            accepted.add(failure == null ? name : name + " (" + failure + ")"));
  }

  private void read(String partName, byte[] part) throws IOException {
    reader().part(partName, part.length, new ByteArrayInputStream(part));
  }

  @Test
  void imagesInFoldersAreReadWithTheirPaths() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("a/one.png", TestImages.png(40, 40));
    entries.put("./b/two.jpg", TestImages.jpeg(40, 40));

    read("set.zip", BatchClient.zip(entries));

    assertThat(accepted).containsExactly("a/one.png", "b/two.jpg");
  }

  @Test
  void anEntryThatClimbsOutOfTheArchiveRefusesTheUpload() {
    byte[] zip = BatchClient.zip(Map.of("photos/../../etc/cron.d/x.png", TestImages.png(8, 8)));

    assertThatThrownBy(() -> read("evil.zip", zip))
        .isInstanceOf(BatchRequestException.class)
        .hasMessageContaining("outside the archive");
    assertThat(accepted).isEmpty();
  }

  @Test
  void absoluteAndDrivePathsRefuseTheUpload() {
    for (String name : List.of("/etc/passwd.png", "C:\\Windows\\x.png", "\\\\server\\x.png")) {
      byte[] zip = BatchClient.zip(Map.of(name, TestImages.png(8, 8)));
      assertThatThrownBy(() -> read("evil.zip", zip))
          .as(name)
          .isInstanceOf(BatchRequestException.class)
          .hasMessageContaining("absolute path");
    }
  }

  @Test
  void anArchiveInsideTheArchiveIsRefused() {
    byte[] inner = BatchClient.zip(Map.of("x.png", TestImages.png(8, 8)));
    byte[] zip = BatchClient.zip(Map.of("inner.zip", inner));

    assertThatThrownBy(() -> read("outer.zip", zip))
        .isInstanceOf(BatchRequestException.class)
        .hasMessageContaining("nested archives");
  }

  @Test
  void aGzipOrOtherArchiveAsAPartIsRefused() {
    byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};

    assertThatThrownBy(() -> read("photos.tar.gz", gzip))
        .isInstanceOf(BatchRequestException.class)
        .hasMessageContaining("archive other than ZIP");
  }

  @Test
  void aZipBombStopsAtTheRatioLimitWithoutInflatingItAll() throws IOException {
    // 256 MB of zeros compresses to about 250 KB: a ratio of about 1,000.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("bomb.png"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 256; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    byte[] bomb = bytes.toByteArray();
    assertThat(bomb.length).isLessThan(2 * 1024 * 1024);

    long started = System.nanoTime();
    assertThatThrownBy(() -> read("bomb.zip", bomb))
        .isInstanceOf(BatchRequestException.class)
        .hasMessageContaining("ZIP bomb");
    // Stopped at ratio × archive size (about 25 MB inflated), not after all 256 MB.
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    assertThat(accepted).isEmpty();
  }

  @Test
  void anArchiveThatInflatesPastTheTotalLimitIsRefused() throws IOException {
    BatchProperties small =
        new BatchProperties(1000, DataSize.ofMegabytes(512), 50, DataSize.ofKilobytes(600), 1000);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      entries.put("n" + i + ".png", TestImages.noisePng(250, 250, i));
    }
    byte[] zip = BatchClient.zip(entries);

    assertThatThrownBy(
            () ->
                new UploadedImages(small, IMAGE_LIMIT, (n, b, f) -> {})
                    .part("big.zip", zip.length, new ByteArrayInputStream(zip)))
        .isInstanceOf(BatchRequestException.class)
        .hasMessageContaining("inflates to more than");
  }

  @Test
  void tooManyEntriesAreRefused() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i <= LIMITS.zipMaxEntries(); i++) {
      entries.put("empty-" + i + ".txt", new byte[0]);
    }

    assertThatThrownBy(() -> read("many.zip", BatchClient.zip(entries)))
        .isInstanceOf(BatchRequestException.class)
        .hasMessageContaining("more than 50 entries");
  }

  @Test
  void aDamagedZipIsRefusedWithAReason() {
    byte[] whole = BatchClient.zip(Map.of("a.png", TestImages.noisePng(200, 200, 1)));
    byte[] damaged = java.util.Arrays.copyOf(whole, whole.length / 2);
    damaged[40] ^= 0x5A;

    assertThatThrownBy(() -> read("damaged.zip", damaged))
        .isInstanceOf(BatchRequestException.class)
        .hasMessageContaining("could not be read");
  }

  @Test
  void anImageOverTheLimitBecomesAFailedItemNotAnAllocation() throws IOException {
    byte[] large = TestImages.noisePng(700, 700, 2);
    assertThat(large.length).isGreaterThan((int) IMAGE_LIMIT);

    read("big.zip", BatchClient.zip(Map.of("big.png", large)));

    assertThat(accepted).containsExactly("big.png (larger than the image limit)");
  }

  @Test
  void uploadedNamesLoseTheirFoldersAndControlCharacters() throws IOException {
    read("C:\\Users\\ada\\..\\evil\u0007.png", TestImages.png(8, 8));

    assertThat(accepted).containsExactly("evil.png");
  }
}
