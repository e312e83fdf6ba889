package io.promptlens.app.analyses;

import io.promptlens.core.analysis.ImageAnalysis;
import java.time.Instant;
import java.util.UUID;

/**
 * One analysis as the app keeps it. The image itself is never stored: its SHA-256 is enough to
 * recognise a repeated upload, and keeping user pictures would be a liability the app has no use
 * for.
 *
 * @param createdAt truncated to microseconds, the finest precision PostgreSQL keeps, so a stored
 *     and re-read record is equal to the original
 */
public record StoredAnalysis(
    UUID id, ImageAnalysis analysis, String imageSha256, Instant createdAt) {}
