package io.promptlens.vision.models;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Extracts chosen regular files from a gzip-compressed tar (npm's tarball format: ustar, with pax
 * and GNU long-name headers understood). Only the requested entries are written, under names the
 * caller chose, so no path from the archive ever reaches the file system.
 */
final class TarGz {

  private static final int BLOCK = 512;

  private TarGz() {}

  /**
   * Streams {@code tarball} once and writes each entry whose name is a key of {@code wanted} to the
   * mapped path. Returns the entries written.
   */
  static Set<String> extract(Path tarball, Map<String, Path> wanted) throws IOException {
    Map<String, Path> remaining = new HashMap<>(wanted);
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball)), 1 << 16)) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (readFully(in, header) && !isZero(header)) {
        String name = string(header, 0, 100);
        String prefix = string(header, 345, 155);
        if (!prefix.isEmpty() && "ustar".equals(string(header, 257, 5))) {
          name = prefix + "/" + name;
        }
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        if (type == 'x' || type == 'L') {
          String meta = new String(in.readNBytes((int) size), StandardCharsets.UTF_8);
          skip(in, padding(size));
          longName = type == 'L' ? meta.trim() : paxPath(meta);
          continue;
        }
        if (longName != null) {
          name = longName;
          longName = null;
        }
        Path target = (type == '0' || type == 0) ? remaining.remove(name) : null;
        if (target != null) {
          Files.createDirectories(target.toAbsolutePath().getParent());
          try (OutputStream out = Files.newOutputStream(target)) {
            copy(in, out, size);
          }
          skip(in, padding(size));
        } else {
          skip(in, size + padding(size));
        }
      }
    }
    Set<String> done = new java.util.HashSet<>(wanted.keySet());
    done.removeAll(remaining.keySet());
    return done;
  }

  private static String paxPath(String meta) {
    for (String record : meta.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 6);
      }
    }
    return null;
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static boolean readFully(InputStream in, byte[] block) throws IOException {
    return in.readNBytes(block, 0, block.length) == block.length;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String string(byte[] b, int offset, int length) {
    int end = offset;
    while (end < offset + length && b[end] != 0) {
      end++;
    }
    return new String(b, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] b, int offset, int length) {
    String s = string(b, offset, length).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }

  private static void copy(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[1 << 16];
    long left = size;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("tarball truncated");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("tarball truncated");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }
}
