package io.promptlens.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small npm-style tarballs (ustar, gzip) for tests; long names get a pax header. */
final class Tarballs {

  private Tarballs() {}

  static Path write(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        String name = e.getKey();
        if (name.getBytes(StandardCharsets.UTF_8).length > 99) {
          String record = " path=" + name + "\n";
          int length = record.length() + 2;
          String pax = length + record;
          if (pax.length() != length) {
            pax = (length + 1) + record;
          }
          byte[] body = pax.getBytes(StandardCharsets.UTF_8);
          out.write(header("PaxHeader", body.length, 'x'));
          out.write(padded(body));
          name = "long-name-placeholder";
        }
        out.write(header(name, e.getValue().length, '0'));
        out.write(padded(e.getValue()));
      }
      out.write(new byte[1024]);
    }
    return file;
  }

  private static byte[] padded(byte[] body) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(body);
    b.writeBytes(new byte[(512 - body.length % 512) % 512]);
    return b.toByteArray();
  }

  private static byte[] header(String name, long size, char type) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, "0000644");
    put(h, 108, "0000000");
    put(h, 116, "0000000");
    put(h, 124, String.format("%011o", size));
    put(h, 136, "00000000000");
    h[156] = (byte) type;
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    return h;
  }

  private static void put(byte[] h, int offset, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, offset, b.length);
  }
}
