package io.promptlens.cli;

import org.jspecify.annotations.Nullable;

/**
 * One checkable claim a prompt makes (or could have made) about its image, in the vocabulary of
 * {@code eval/statements.csv}: "the image is outdoors" is {@code (outdoor, true)}, "a deep depth of
 * field" is {@code (shallow_dof, false)}, "a cat" is {@code (objects, cat)}.
 *
 * @param kind a label column of the statements CSV ({@code outdoor}, {@code shot_scale}, {@code
 *     people}, {@code objects}, ...)
 * @param value what the phrase claims, in that column's vocabulary
 * @param phrase the phrase as written in the prompt, or the analysis label for a candidate the
 *     prompt left out
 * @param source the analysis field the phrase came from ({@code scene.labels[2]})
 * @param emitted whether the prompt says it; false for candidates read from the analysis only
 * @param confidence the analysis' confidence or probability for it; null where it has none
 */
record Statement(
    String kind,
    String value,
    String phrase,
    String source,
    boolean emitted,
    @Nullable Double confidence) {}
