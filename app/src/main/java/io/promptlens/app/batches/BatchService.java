package io.promptlens.app.batches;

import io.promptlens.app.system.IntakeProperties;
import io.promptlens.app.workspaces.Owner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.multipart.MultipartFile;

/**
 * Creates batches from uploads and cancels them. The batch, every item and its bytes are written in
 * one transaction while the upload is read, so a refused archive halfway through leaves nothing;
 * the items go onto the queue only after the commit, so a worker always finds them.
 */
@Service
record BatchService(
    BatchRepository batches,
    BatchQueue queue,
    BatchProperties limits,
    IntakeProperties intake,
    TransactionOperations transactions,
    Clock clock) {

  private static final Logger log = LoggerFactory.getLogger(BatchService.class);

  UUID create(Owner owner, BatchSpec spec, List<MultipartFile> parts) {
    if (parts.isEmpty()) {
      throw new BatchRequestException(
          "No images were sent. Upload them as multipart fields 'files' (images or a ZIP).");
    }
    UUID id = UUID.randomUUID();
    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    transactions.executeWithoutResult(
        status -> {
          batches.insertBatch(id, owner, spec, now);
          AtomicInteger next = new AtomicInteger();
          UploadedImages images =
              new UploadedImages(
                  limits,
                  intake.maxBytes().toBytes(),
                  (name, bytes, failure) ->
                      batches.insertItem(
                          id, next.incrementAndGet(), owner, name, bytes, failure, now));
          for (MultipartFile part : parts) {
            try (InputStream in = part.getInputStream()) {
              images.part(part.getOriginalFilename(), part.getSize(), in);
            } catch (IOException e) {
              throw new UncheckedIOException("could not read the upload", e);
            }
          }
          if (images.images() == 0) {
            throw new BatchRequestException(
                "The upload holds no images (by content; "
                    + images.skipped.notImages
                    + " other files and "
                    + images.skipped.hidden
                    + " hidden files were left out).");
          }
          batches.setCounts(id, images.images(), images.skipped.total());
        });
    List<ItemRef> waiting = batches.queuedItems(id).stream().map(n -> new ItemRef(id, n)).toList();
    try {
      queue.submit(waiting);
    } catch (RuntimeException e) {
      // The queue is down: nothing will work on these items, so the batch says so rather than
      // waiting for ever, and the client is told to try again.
      log.warn("batch {}: the queue refused its items: {}", id, e.toString());
      batches.cancel(id, clock.instant());
      throw new BatchRequestException(
          HttpStatus.SERVICE_UNAVAILABLE, "The work queue is unavailable; try again shortly.");
    }
    return id;
  }

  BatchRepository.Batch find(UUID workspaceId, UUID id) {
    return batches.find(workspaceId, id).orElseThrow(() -> new BatchNotFoundException(id));
  }

  BatchView view(UUID workspaceId, UUID id) {
    BatchRepository.Batch batch = find(workspaceId, id);
    return BatchView.of(batch, batches.items(id));
  }

  void cancel(UUID workspaceId, UUID id) {
    find(workspaceId, id);
    transactions.executeWithoutResult(status -> batches.cancel(id, clock.instant()));
  }
}
