package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.vision.HostileInputs;
import io.promptlens.vision.TestImages;
import io.promptlens.vision.intake.ImageRejectedException.Reason;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metadata chunks never reach the PNG decoder: a compressed text bomb costs nothing. */
class PngChunksTest {

  private static final int MB = 1024 * 1024;

  private final ImageIntake intake = new ImageIntake(IntakeLimits.defaults());

  /** The chunks of {@code png} split at their boundaries (signature first). */
  static List<byte[]> split(byte[] png) {
    List<byte[]> parts = new ArrayList<>();
    parts.add(java.util.Arrays.copyOf(png, 8));
    int i = 8;
    while (i < png.length) {
      int length = ByteBuffer.wrap(png, i, 4).getInt();
      parts.add(java.util.Arrays.copyOfRange(png, i, i + 12 + length));
      i += 12 + length;
    }
    return parts;
  }

  private static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void aOnePixelPngWithATextBombDecodesWithoutInflatingIt() throws Exception {
    byte[] onePixel = TestImages.encode(TestImages.rgb(1, 1, (x, y) -> 0x336699), "png");
    byte[] bomb =
        HostileInputs.afterHeader(
            onePixel,
            HostileInputs.chunk("zTXt", HostileInputs.compressed("Comment", 256 * MB)),
            HostileInputs.chunk("iCCP", HostileInputs.compressed("icc", 64 * MB)));
    assertThat(bomb.length).isLessThan(2 * MB);

    long before = allocatedByThisThread();
    DecodedImage decoded = intake.decode(bomb);
    long allocated = allocatedByThisThread() - before;

    assertThat(decoded.pixels().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x336699);
    assertThat(allocated).as("bytes allocated while decoding").isLessThan(32L * MB);
  }

  @Test
  void onlyTheChunksNeededForPixelsAreKept() {
    byte[] png = TestImages.encode(TestImages.rgb(4, 3, (x, y) -> x * 40), "png");
    byte[] tagged =
        HostileInputs.afterHeader(
            png,
            HostileInputs.chunk("tEXt", "Author\0someone".getBytes(StandardCharsets.ISO_8859_1)),
            HostileInputs.chunk("prVt", new byte[] {1, 2, 3}));

    List<String> kept =
        split(PngChunks.essential(tagged)).stream()
            .skip(1)
            .map(c -> new String(c, 4, 4, StandardCharsets.ISO_8859_1))
            .toList();

    assertThat(kept).doesNotContain("tEXt", "prVt").startsWith("IHDR").endsWith("IEND");
  }

  @Test
  void aChunkClaimingMoreBytesThanTheFileHasIsCorrupt() {
    byte[] png = TestImages.encode(TestImages.rgb(4, 3, (x, y) -> 0), "png");
    byte[] lying = HostileInputs.afterHeader(png, HostileInputs.chunk("tEXt", new byte[16]));
    lying[33] = 0x7F; // the tEXt length's high byte: ~2 GB claimed

    assertThatThrownBy(() -> intake.decode(lying))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE))
        .hasMessage("truncated or corrupt PNG data");
  }
}
