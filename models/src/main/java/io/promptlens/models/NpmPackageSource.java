package io.promptlens.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fetches tarballs with {@code npm pack NAME@VERSION}, so the user's npm configuration (registry,
 * proxy, cache, credentials) applies unchanged; no registry host is named here. The command is
 * {@code npm} on the PATH unless {@code PROMPTLENS_NPM} names another.
 */
public final class NpmPackageSource implements PackageSource {

  private static final long TIMEOUT_MINUTES = 20;

  private final String npm;

  public NpmPackageSource(String npm) {
    this.npm = npm;
  }

  public static NpmPackageSource fromEnvironment() {
    String configured = System.getenv("PROMPTLENS_NPM");
    return new NpmPackageSource(configured == null || configured.isBlank() ? "npm" : configured);
  }

  @Override
  public Path pack(String name, String version, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path log = Files.createTempFile("promptlens-npm", ".log");
    try {
      Process process =
          new ProcessBuilder(
                  List.of(
                      npm,
                      "pack",
                      name + "@" + version,
                      "--pack-destination",
                      directory.toString()))
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("npm pack " + name + "@" + version + " timed out");
      }
      if (process.exitValue() != 0) {
        throw new IOException("npm pack " + name + "@" + version + " failed: " + lastLine(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running npm pack", e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("npm pack")) {
        throw e;
      }
      throw new IOException(
          "cannot run '" + npm + "' (is Node.js/npm installed?): " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(log);
    }
    String expected = name.replace("@", "").replace('/', '-') + "-" + version + ".tgz";
    Path tarball = directory.resolve(expected);
    if (Files.isRegularFile(tarball)) {
      return tarball;
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".tgz"))
          .findFirst()
          .orElseThrow(() -> new IOException("npm pack wrote no tarball for " + name));
    }
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i).trim();
      }
    }
    return "no output";
  }
}
