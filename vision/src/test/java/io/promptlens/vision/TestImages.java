package io.promptlens.vision;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Synthetic test images with known content, and their encodings. */
public final class TestImages {

  private TestImages() {}

  /** A TYPE_INT_RGB image whose pixel (x, y) is {@code color.applyAsInt(x, y)}. */
  public static BufferedImage rgb(int width, int height, IntBinaryOperator color) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, color.applyAsInt(x, y));
      }
    }
    return image;
  }

  /** A 600 × 800 page: 30 rows of dark ink "words" on off-white paper, seeded. */
  public static BufferedImage inkPage(long seed) {
    java.util.Random random = new java.util.Random(seed);
    boolean[] ink = new boolean[600 * 800];
    for (int line = 0; line < 30; line++) {
      int top = 60 + line * 22;
      int x = 50;
      while (x < 540) {
        int word = 15 + random.nextInt(40);
        for (int y = top; y < top + 10; y++) {
          for (int xx = x; xx < Math.min(550, x + word); xx++) {
            ink[y * 600 + xx] = (xx + y) % 3 != 0;
          }
        }
        x += word + 8;
      }
    }
    return rgb(600, 800, (x, y) -> ink[y * 600 + x] ? 0x202020 : 0xFAFAF5);
  }

  public static BufferedImage solid(int width, int height, int rgb) {
    return rgb(width, height, (x, y) -> rgb);
  }

  /** A colour plus uniform noise of ±amplitude per channel, seeded so it is repeatable. */
  public static BufferedImage noisy(int width, int height, int rgb, int amplitude, long seed) {
    Random random = new Random(seed);
    return rgb(
        width,
        height,
        (x, y) -> {
          int r = clamp(((rgb >> 16) & 0xFF) + random.nextInt(2 * amplitude + 1) - amplitude);
          int g = clamp(((rgb >> 8) & 0xFF) + random.nextInt(2 * amplitude + 1) - amplitude);
          int b = clamp((rgb & 0xFF) + random.nextInt(2 * amplitude + 1) - amplitude);
          return r << 16 | g << 8 | b;
        });
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  public static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] jpeg(BufferedImage image, boolean progressive) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.95f);
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /**
   * Inserts an APP1 Exif segment holding only the Orientation tag right after the JPEG's SOI
   * marker, as a camera would write it (big-endian TIFF, one IFD entry).
   */
  public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0);
    byte[] exif = "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    int length = 2 + exif.length + tiff.capacity();
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
    out.put(jpeg, 0, 2);
    out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length);
    out.put(exif).put(tiff.array());
    out.put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /**
   * A valid, tiny PNG whose header declares {@code width × height} 8-bit gray pixels: signature,
   * IHDR with correct CRC, one small IDAT holding a single compressed row, IEND. A decoder that
   * trusted the header would allocate width × height bytes.
   */
  public static byte[] pngBomb(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[1 + Math.min(width, 1024)]);
    deflater.finish();
    byte[] compressed = new byte[4096];
    int n = deflater.deflate(compressed);
    deflater.end();
    chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
