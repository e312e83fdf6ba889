package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.promptlens.vision.TestImages;
import io.promptlens.vision.intake.ImageRejectedException.Reason;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Metadata chunks never reach the PNG decoder: a compressed text bomb costs nothing. */
class PngChunksTest {

  private static final int MB = 1024 * 1024;

  private final ImageIntake intake = new ImageIntake(IntakeLimits.defaults());

  /** A chunk with its length and CRC, as the PNG specification lays it out. */
  static byte[] chunk(String type, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    b.putInt(data.length);
    byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
    b.put(name).put(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** {@code keyword NUL method} then a deflate stream of {@code inflated} zero bytes. */
  static byte[] compressedText(String keyword, int inflated) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(new byte[inflated]);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(keyword.getBytes(StandardCharsets.ISO_8859_1));
    out.write(0);
    out.write(0);
    byte[] buffer = new byte[64 * 1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

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

  /** {@code png} with {@code extra} chunks inserted right after IHDR, before any pixel data. */
  static byte[] withChunksAfterHeader(byte[] png, byte[]... extra) {
    List<byte[]> parts = split(png);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(parts.get(0));
    out.writeBytes(parts.get(1));
    for (byte[] e : extra) {
      out.writeBytes(e);
    }
    for (byte[] p : parts.subList(2, parts.size())) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void aOnePixelPngWithATextBombDecodesWithoutInflatingIt() throws Exception {
    byte[] onePixel = TestImages.encode(TestImages.rgb(1, 1, (x, y) -> 0x336699), "png");
    byte[] bomb =
        withChunksAfterHeader(
            onePixel,
            chunk("zTXt", compressedText("Comment", 256 * MB)),
            chunk("iCCP", compressedText("icc", 64 * MB)));
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
        withChunksAfterHeader(
            png,
            chunk("tEXt", "Author\0someone".getBytes(StandardCharsets.ISO_8859_1)),
            chunk("prVt", new byte[] {1, 2, 3}));

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
    byte[] lying = withChunksAfterHeader(png, chunk("tEXt", new byte[16]));
    lying[33] = 0x7F; // the tEXt length's high byte: ~2 GB claimed

    assertThatThrownBy(() -> intake.decode(lying))
        .isInstanceOfSatisfying(
            ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNDECODABLE))
        .hasMessage("truncated or corrupt PNG data");
  }
}
