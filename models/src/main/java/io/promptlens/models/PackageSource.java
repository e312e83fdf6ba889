package io.promptlens.models;

import java.io.IOException;
import java.nio.file.Path;

/** Where package tarballs come from: npm in production, a local fixture in tests. */
public interface PackageSource {

  /**
   * Places the tarball of {@code name@version} in {@code directory} and returns its path.
   *
   * @throws IOException when the package cannot be had; the message says why in one line
   */
  Path pack(String name, String version, Path directory) throws IOException;
}
