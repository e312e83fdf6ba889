package io.promptlens.models;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Extracts chosen regular files from a gzip-compressed tar (npm's tarball format), read by Apache
 * Commons Compress, which understands ustar, pax and GNU long names. Only the requested entries are
 * written, under names the caller chose, so no path from the archive ever reaches the file system.
 */
final class TarGz {

  private TarGz() {}

  /**
   * Streams {@code tarball} once and writes each regular-file entry whose name is a key of {@code
   * wanted} to the mapped path. Returns the entries written.
   */
  static Set<String> extract(Path tarball, Map<String, Path> wanted) throws IOException {
    Map<String, Path> remaining = new HashMap<>(wanted);
    try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file, 1 << 16))) {
      TarArchiveEntry entry;
      while (!remaining.isEmpty() && (entry = tar.getNextEntry()) != null) {
        Path target = entry.isFile() ? remaining.remove(entry.getName()) : null;
        if (target != null) {
          Files.createDirectories(target.toAbsolutePath().getParent());
          // The stream ends at the entry's end: a truncated archive throws instead.
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Set<String> done = new HashSet<>(wanted.keySet());
    done.removeAll(remaining.keySet());
    return done;
  }
}
