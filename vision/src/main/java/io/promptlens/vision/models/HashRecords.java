package io.promptlens.vision.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The sha256 of each store file as last computed, with the file's size and modification time then
 * ({@value #FILE} in the store's folder, one tab-separated line per file). Hashing the 120 MB of
 * pinned files took 0.3–0.8 s of every process start; a file whose size and modification time are
 * unchanged is taken to have its recorded hash. This guards against what the check is for — an
 * interrupted download, a truncated or replaced file (each changes the size or the time) — not
 * against someone who rewrites a file and resets its time; {@code promptlens models verify} always
 * hashes everything again. The record is a cache: a missing, unreadable or garbled one only costs
 * the hashing, and each writer replaces it atomically, so concurrent starts cannot corrupt it.
 * Thread-safe.
 */
final class HashRecords {

  static final String FILE = ".sha256-records.tsv";

  private record Entry(long size, long modified, String sha256) {}

  private final Path file;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private volatile boolean read;

  HashRecords(Path root) {
    this.file = root.resolve(FILE);
  }

  /** The recorded hash when the file's size and time are as recorded, else null. */
  @Nullable String recorded(Path path) {
    readOnce();
    Entry e = entries.get(path.toAbsolutePath().toString());
    if (e == null) {
      return null;
    }
    try {
      if (Files.size(path) == e.size()
          && Files.getLastModifiedTime(path).toMillis() == e.modified()) {
        return e.sha256();
      }
    } catch (IOException ignored) {
      // Unreadable now: hash it (and fail there) like an unrecorded file.
    }
    return null;
  }

  /** Records a freshly computed hash and writes the record; failures to write are ignored. */
  void record(Path path, String sha256) {
    readOnce();
    try {
      entries.put(
          path.toAbsolutePath().toString(),
          new Entry(Files.size(path), Files.getLastModifiedTime(path).toMillis(), sha256));
    } catch (IOException e) {
      return;
    }
    write();
  }

  private void readOnce() {
    if (read) {
      return;
    }
    synchronized (this) {
      if (read) {
        return;
      }
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (f.length == 4 && f[3].matches("[0-9a-f]{64}")) {
            entries.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
          }
        }
      } catch (IOException | RuntimeException ignored) {
        // No record yet, or a garbled one: every file is hashed.
      }
      read = true;
    }
  }

  private synchronized void write() {
    List<String> lines = new ArrayList<>();
    entries.forEach(
        (path, e) -> {
          if (!path.contains("\t") && !path.contains("\n")) {
            lines.add(path + "\t" + e.size() + "\t" + e.modified() + "\t" + e.sha256());
          }
        });
    Path temporary = null;
    Path directory = file.getParent();
    try {
      if (directory == null || !Files.isDirectory(directory)) {
        return;
      }
      temporary = Files.createTempFile(directory, FILE, ".tmp");
      Files.write(temporary, lines, StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException ignored) {
      // A read-only store: hashing again next time is the only cost.
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Never has the record's name; harmless.
        }
      }
    }
  }
}
