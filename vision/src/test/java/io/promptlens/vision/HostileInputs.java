package io.promptlens.vision;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A corpus of hostile files, made here from their format specifications so each one's trick is
 * known: bombs in pixels and in metadata chunks, truncations, wrong magic, malformed EXIF, absurd
 * dimensions, thousands of animation frames, polyglots, archives and documents posing as images.
 * The CLI, the HTTP API and intake are each tested against all of it.
 */
public final class HostileInputs {

  /** What a careful reader must do with the file. */
  public enum Expect {
    /** A valid (if strange) image: it decodes. */
    DECODES,
    /** Not a usable image: refused with a reason. */
    REJECTED,
    /** Either is right; what matters is a bounded, clean answer. */
    EITHER
  }

  /** One hostile file. */
  public record Input(String name, byte[] bytes, Expect expect) {
    @Override
    public String toString() {
      return name + " (" + bytes.length + " bytes, " + expect + ")";
    }
  }

  private static final int MB = 1024 * 1024;

  private HostileInputs() {}

  private static volatile List<Input> corpus;

  /** Every input of the corpus, in a fixed order; made once per JVM (the bombs take seconds). */
  public static List<Input> all() {
    List<Input> made = corpus;
    if (made == null) {
      synchronized (HostileInputs.class) {
        made = corpus;
        if (made == null) {
          corpus = made = List.copyOf(make());
        }
      }
    }
    return made;
  }

  private static List<Input> make() {
    List<Input> all = new ArrayList<>();
    byte[] png = TestImages.encode(TestImages.rgb(8, 6, (x, y) -> x * 30 << 8 | y * 40), "png");
    byte[] onePixel = TestImages.encode(TestImages.solid(1, 1, 0x336699), "png");
    byte[] jpeg = TestImages.jpeg(TestImages.noisy(64, 48, 0x808080, 30, 7), false);
    byte[] gif = TestImages.encode(TestImages.rgb(16, 12, (x, y) -> x * 16), "gif");
    byte[] bmp = TestImages.encode(TestImages.rgb(16, 12, (x, y) -> y * 20), "bmp");
    byte[] tiff = TestImages.encode(TestImages.rgb(16, 12, (x, y) -> x * 10), "tiff");

    // Nothing, or not an image at all.
    all.add(new Input("empty", new byte[0], Expect.REJECTED));
    all.add(new Input("one-byte", new byte[] {(byte) 0x89}, Expect.REJECTED));
    all.add(new Input("text", ascii("just some words, not a picture\n"), Expect.REJECTED));
    all.add(
        new Input(
            "html-script",
            ascii("<html><script>alert(document.cookie)</script></html>"),
            Expect.REJECTED));
    all.add(
        new Input(
            "svg-script",
            ascii("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
            Expect.REJECTED));
    all.add(
        new Input(
            "pdf", ascii("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"), Expect.REJECTED));
    all.add(new Input("zip-bomb", zipOfZeros(64 * MB), Expect.REJECTED));
    all.add(new Input("gzip-of-png", gzip(png), Expect.REJECTED));
    all.add(new Input("random-bytes", random(4096, 11), Expect.REJECTED));

    // PNG.
    all.add(new Input("png-signature-only", Arrays.copyOf(png, 8), Expect.REJECTED));
    all.add(new Input("png-cut-in-header", Arrays.copyOf(png, 20), Expect.REJECTED));
    all.add(new Input("png-cut-in-pixels", Arrays.copyOf(png, png.length - 20), Expect.REJECTED));
    all.add(new Input("png-50000-square", pngHeaderOnly(50_000, 50_000), Expect.REJECTED));
    all.add(new Input("png-zero-width", pngHeaderOnly(0, 10), Expect.REJECTED));
    all.add(new Input("png-2g-wide", pngHeaderOnly(Integer.MAX_VALUE, 1), Expect.REJECTED));
    all.add(
        new Input(
            "png-ztxt-bomb",
            afterHeader(onePixel, chunk("zTXt", compressed("Comment", 128 * MB))),
            Expect.DECODES));
    all.add(
        new Input(
            "png-itxt-bomb",
            afterHeader(onePixel, chunk("iTXt", compressedItxt(128 * MB))),
            Expect.DECODES));
    all.add(
        new Input(
            "png-iccp-bomb",
            afterHeader(onePixel, chunk("iCCP", compressed("icc", 128 * MB))),
            Expect.DECODES));
    all.add(new Input("png-idat-bomb", pngWithIdatBomb(64 * MB), Expect.EITHER));
    all.add(
        new Input(
            "png-ten-thousand-text-chunks", manyTextChunks(onePixel, 10_000), Expect.DECODES));
    all.add(new Input("png-chunk-length-lies", chunkLengthLies(png), Expect.REJECTED));
    all.add(new Input("png-bad-crc", badCrc(png), Expect.EITHER));
    all.add(new Input("apng-5000-frames", apng(onePixel, 5_000), Expect.DECODES));
    all.add(new Input("png-then-zip", concat(png, zipOfZeros(1024)), Expect.DECODES));
    all.add(
        new Input(
            "png-then-html", concat(png, ascii("<script>alert(1)</script>")), Expect.DECODES));

    // JPEG.
    all.add(new Input("jpeg-soi-only", new byte[] {(byte) 0xFF, (byte) 0xD8}, Expect.REJECTED));
    all.add(new Input("jpeg-cut-in-half", Arrays.copyOf(jpeg, jpeg.length / 2), Expect.REJECTED));
    all.add(new Input("jpeg-65535-square", jpegClaiming(jpeg, 65_535, 65_535), Expect.REJECTED));
    all.add(new Input("jpeg-zero-height", jpegClaiming(jpeg, 64, 0), Expect.REJECTED));
    all.add(
        new Input(
            "jpeg-huge-exif",
            withApp(jpeg, 0xE1, exifHeaderThen(random(60_000, 3))),
            Expect.DECODES));
    all.add(new Input("jpeg-exif-ifd-loop", withApp(jpeg, 0xE1, exifLoop()), Expect.DECODES));
    all.add(
        new Input(
            "jpeg-exif-offset-past-end", withApp(jpeg, 0xE1, exifOffsetPastEnd()), Expect.DECODES));
    all.add(new Input("jpeg-broken-icc", withApp(jpeg, 0xE2, brokenIcc()), Expect.EITHER));
    all.add(
        new Input("jpeg-xmp-entity-bomb", withApp(jpeg, 0xE1, xmpEntityBomb()), Expect.DECODES));
    all.add(new Input("jpeg-300-app-segments", manyAppSegments(jpeg, 300), Expect.DECODES));
    all.add(
        new Input(
            "jpeg-then-html", concat(jpeg, ascii("<?php system($_GET['c']); ?>")), Expect.DECODES));

    // GIF.
    all.add(new Input("gif-header-only", Arrays.copyOf(gif, 13), Expect.REJECTED));
    all.add(new Input("gif-35-bytes-claiming-10000-square", gifClaiming(10_000), Expect.REJECTED));
    all.add(new Input("gif-garbage-lzw", gifGarbageLzw(), Expect.EITHER));
    all.add(new Input("gif-3000-frames", animatedGif(3_000), Expect.DECODES));

    // BMP, TIFF, WebP.
    all.add(new Input("bmp-cut", Arrays.copyOf(bmp, 40), Expect.REJECTED));
    all.add(
        new Input("bmp-claiming-40000-square", bmpClaiming(bmp, 40_000, 40_000), Expect.REJECTED));
    all.add(new Input("bmp-negative-width", bmpClaiming(bmp, -16, 12), Expect.REJECTED));
    all.add(
        new Input("tiff-header-only", new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}, Expect.REJECTED));
    all.add(new Input("tiff-ifd-loop", tiffIfdLoop(), Expect.REJECTED));
    all.add(new Input("tiff-cut", Arrays.copyOf(tiff, tiff.length / 3), Expect.REJECTED));
    all.add(new Input("webp-riff-only", ascii("RIFF\0\0\0\0WEBP"), Expect.REJECTED));
    all.add(
        new Input(
            "webp-vp8x-16384-canvas-no-data", webpCanvasOnly(16_384, 16_384), Expect.REJECTED));
    all.add(new Input("webp-riff-length-lies", webpLengthLies(), Expect.REJECTED));
    return all;
  }

  // ---- building blocks --------------------------------------------------------------------

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** A PNG chunk: length, type, data, CRC (PNG specification §5.3). */
  public static byte[] chunk(String type, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    byte[] name = ascii(type);
    b.putInt(data.length).put(name).put(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** zTXt / iCCP payload: keyword, NUL, method 0, then deflated zeros. */
  public static byte[] compressed(String keyword, int inflated) {
    return concat(ascii(keyword), new byte[] {0, 0}, deflate(new byte[inflated]));
  }

  static byte[] compressedItxt(int inflated) {
    // keyword NUL, compression flag 1, method 0, language NUL, translated keyword NUL, text
    return concat(ascii("Description"), new byte[] {0, 1, 0, 0, 0}, deflate(new byte[inflated]));
  }

  /** {@code png} with {@code extra} inserted right after IHDR (signature 8 + IHDR 25 bytes). */
  public static byte[] afterHeader(byte[] png, byte[]... extra) {
    return concat(Arrays.copyOf(png, 33), concat(extra), Arrays.copyOfRange(png, 33, png.length));
  }

  static byte[] ihdr(int width, int height) {
    return chunk(
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put(new byte[] {8, 2, 0, 0, 0})
            .array());
  }

  static byte[] pngSignature() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  }

  static byte[] pngHeaderOnly(int width, int height) {
    return concat(
        pngSignature(),
        ihdr(width, height),
        chunk("IDAT", deflate(new byte[16])),
        chunk("IEND", new byte[0]));
  }

  /** A 1×1 RGB PNG whose one IDAT inflates to {@code inflated} bytes, far past the one row. */
  static byte[] pngWithIdatBomb(int inflated) {
    return concat(
        pngSignature(),
        ihdr(1, 1),
        chunk("IDAT", deflate(new byte[inflated])),
        chunk("IEND", new byte[0]));
  }

  static byte[] manyTextChunks(byte[] png, int count) {
    byte[][] chunks = new byte[count][];
    for (int i = 0; i < count; i++) {
      chunks[i] = chunk("tEXt", ascii("k" + i + "\0v"));
    }
    return afterHeader(png, chunks);
  }

  static byte[] chunkLengthLies(byte[] png) {
    byte[] lying = afterHeader(png, chunk("tEXt", ascii("a\0b")));
    lying[33] = 0x7F; // the length's high byte of the inserted chunk: ~2 GB claimed
    return lying;
  }

  static byte[] badCrc(byte[] png) {
    byte[] copy = png.clone();
    copy[29] ^= 0x55; // the IHDR CRC
    return copy;
  }

  /** An animated PNG claiming {@code frames} frames, each a tiny fcTL + fdAT pair. */
  static byte[] apng(byte[] png, int frames) {
    ByteArrayOutputStream extra = new ByteArrayOutputStream();
    extra.writeBytes(chunk("acTL", ByteBuffer.allocate(8).putInt(frames).putInt(0).array()));
    byte[] row = deflate(new byte[] {0, 1, 2, 3});
    int sequence = 0;
    for (int i = 0; i < frames; i++) {
      ByteBuffer fctl = ByteBuffer.allocate(26).putInt(sequence++).putInt(1).putInt(1);
      extra.writeBytes(chunk("fcTL", fctl.array()));
      if (i > 0) {
        extra.writeBytes(
            chunk("fdAT", concat(ByteBuffer.allocate(4).putInt(sequence++).array(), row)));
      }
    }
    return afterHeader(png, extra.toByteArray());
  }

  static byte[] zipOfZeros(int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry("image.png"));
      byte[] block = new byte[MB];
      for (int written = 0; written < size; written += block.length) {
        zip.write(block, 0, Math.min(block.length, size - written));
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The JPEG with its SOF0 frame size rewritten. */
  static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
    byte[] copy = jpeg.clone();
    for (int i = 2; i + 9 < copy.length; i++) {
      if ((copy[i] & 0xFF) == 0xFF && (copy[i + 1] & 0xFF) == 0xC0) {
        copy[i + 5] = (byte) (height >> 8);
        copy[i + 6] = (byte) height;
        copy[i + 7] = (byte) (width >> 8);
        copy[i + 8] = (byte) width;
        return copy;
      }
    }
    throw new IllegalStateException("no baseline frame header");
  }

  /** The JPEG with one more APPn segment right after SOI. */
  static byte[] withApp(byte[] jpeg, int marker, byte[] payload) {
    int length = Math.min(payload.length, 65_533);
    byte[] segment =
        concat(
            new byte[] {
              (byte) 0xFF, (byte) marker, (byte) ((length + 2) >> 8), (byte) (length + 2)
            },
            Arrays.copyOf(payload, length));
    return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
  }

  static byte[] manyAppSegments(byte[] jpeg, int count) {
    byte[] result = jpeg;
    for (int i = 0; i < count; i++) {
      result = withApp(result, 0xE0 + (i % 16), random(200, i));
    }
    return result;
  }

  static byte[] exifHeaderThen(byte[] rest) {
    return concat(ascii("Exif\0\0"), rest);
  }

  /** A little-endian TIFF header whose IFD0 has one entry and points back at itself. */
  static byte[] exifLoop() {
    ByteBuffer b = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putInt(6);
    b.putInt(8); // next IFD: itself
    return exifHeaderThen(b.array());
  }

  static byte[] exifOffsetPastEnd() {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(0x7FFF_FFF0);
    return exifHeaderThen(b.array());
  }

  static byte[] brokenIcc() {
    ByteBuffer b = ByteBuffer.allocate(14 + 128);
    b.put(ascii("ICC_PROFILE\0")).put((byte) 1).put((byte) 1);
    b.putInt(Integer.MAX_VALUE); // the profile claims 2 GB
    return b.array();
  }

  static byte[] xmpEntityBomb() {
    StringBuilder xml = new StringBuilder("http://ns.adobe.com/xap/1.0/\0<?xml version=\"1.0\"?>");
    xml.append("<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">");
    for (int i = 1; i < 10; i++) {
      xml.append("<!ENTITY ").append((char) ('a' + i)).append(" \"");
      for (int j = 0; j < 10; j++) {
        xml.append('&').append((char) ('a' + i - 1)).append(';');
      }
      xml.append("\">");
    }
    xml.append("]><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">&j;</x:xmpmeta>");
    return ascii(xml.toString());
  }

  /** A GIF header claiming {@code size} × {@code size} followed by one tiny LZW block: 35 bytes. */
  public static byte[] gifClaiming(int size) {
    return new byte[] {
      'G',
      'I',
      'F',
      '8',
      '9',
      'a',
      (byte) size,
      (byte) (size >> 8),
      (byte) size,
      (byte) (size >> 8),
      (byte) 0x80,
      0,
      0,
      0,
      0,
      0,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      0x2C,
      0,
      0,
      0,
      0,
      (byte) size,
      (byte) (size >> 8),
      (byte) size,
      (byte) (size >> 8),
      0,
      0x02,
      0x02,
      0x44,
      0x01,
      0x00,
      0x3B
    };
  }

  static byte[] gifGarbageLzw() {
    byte[] head = Arrays.copyOf(gifClaiming(64), 29);
    return concat(head, new byte[] {0x08, (byte) 0xFF}, random(255, 5), new byte[] {0, 0x3B});
  }

  static byte[] animatedGif(int frames) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.prepareWriteSequence(null);
      for (int i = 0; i < frames; i++) {
        BufferedImage frame = TestImages.solid(2, 2, i % 2 == 0 ? 0xFF0000 : 0x0000FF);
        IIOMetadata metadata =
            writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        IIOMetadataNode root =
            (IIOMetadataNode) metadata.getAsTree(metadata.getNativeMetadataFormatName());
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", "0");
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        metadata.setFromTree(metadata.getNativeMetadataFormatName(), root);
        writer.writeToSequence(new IIOImage(frame, null, metadata), null);
      }
      writer.endWriteSequence();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The BMP with its info header's width and height rewritten (little-endian at 18 and 22). */
  static byte[] bmpClaiming(byte[] bmp, int width, int height) {
    byte[] copy = bmp.clone();
    ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(18, width).putInt(22, height);
    return copy;
  }

  static byte[] tiffIfdLoop() {
    ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 * 3 + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    b.putShort((short) 3);
    b.putShort((short) 256).putShort((short) 4).putInt(1).putInt(100_000); // width
    b.putShort((short) 257).putShort((short) 4).putInt(1).putInt(100_000); // height
    b.putShort((short) 273).putShort((short) 4).putInt(1).putInt(8); // strip offset: the IFD
    b.putInt(8); // next IFD: itself
    return b.array();
  }

  static byte[] webpCanvasOnly(int width, int height) {
    ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put(ascii("VP8X")).putInt(10).putInt(0);
    int w = width - 1;
    int h = height - 1;
    vp8x.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16));
    vp8x.put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
    ByteBuffer riff = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    riff.put(ascii("RIFF")).putInt(4 + 18).put(ascii("WEBP"));
    return concat(riff.array(), vp8x.array());
  }

  static byte[] webpLengthLies() {
    ByteBuffer b = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(Integer.MAX_VALUE).put(ascii("WEBP"));
    b.put(ascii("VP8 ")).putInt(Integer.MAX_VALUE - 100);
    return b.array();
  }
}
