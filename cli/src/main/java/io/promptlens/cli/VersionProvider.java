package io.promptlens.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven wrote into the jar manifest. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = PromptLensCli.class.getPackage().getImplementationVersion();
    return new String[] {"promptlens " + (version == null ? "development build" : version)};
  }
}
