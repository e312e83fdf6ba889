package io.promptlens.app.batches;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Batch limits ({@code promptlens.batches.*}). A ZIP is hostile input: its entries, what they
 * inflate to, and the ratio of that to the archive's size are capped while it is read, so a bomb
 * stops at the cap, not at the end of memory.
 *
 * @param maxItems images in one batch (default 1000)
 * @param maxUploadBytes one batch upload request, all files together (default 512MB; also the
 *     servlet's multipart request limit)
 * @param zipMaxEntries entries one ZIP may list, folders and skipped files included (default 2000)
 * @param zipMaxUncompressed bytes all entries of one ZIP may inflate to (default 1GB)
 * @param zipMaxRatio inflated bytes per byte of archive, over the whole archive (default 100;
 *     photos barely compress, a bomb is thousands)
 */
@ConfigurationProperties("promptlens.batches")
record BatchProperties(
    @DefaultValue("1000") int maxItems,
    @DefaultValue("512MB") DataSize maxUploadBytes,
    @DefaultValue("2000") int zipMaxEntries,
    @DefaultValue("1GB") DataSize zipMaxUncompressed,
    @DefaultValue("100") int zipMaxRatio) {}
