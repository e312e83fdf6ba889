package io.promptlens.core.analysis;

/**
 * Which component produced part of an analysis, and at which version, so two analyses can be
 * compared and a change of algorithm is visible in stored results.
 */
public record Provenance(String component, String version, String detail) {}
