package io.promptlens.app.batches;

import io.promptlens.app.analyses.AnalysisRepository;
import io.promptlens.app.analyses.ImageUploads;
import io.promptlens.app.analyses.SafetyCheck;
import io.promptlens.app.analyses.StoredAnalysis;
import io.promptlens.app.analyses.UnsafeImageException;
import io.promptlens.app.billing.Charge;
import io.promptlens.app.billing.Credits;
import io.promptlens.app.billing.NotEnoughCreditsException;
import io.promptlens.app.billing.Operation;
import io.promptlens.app.billing.Payer;
import io.promptlens.app.generations.Generation;
import io.promptlens.app.generations.GenerationRepository;
import io.promptlens.app.workspaces.Owner;
import io.promptlens.app.workspaces.WorkspaceSettings;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.providers.ProviderException;
import io.promptlens.vision.intake.ImageRejectedException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One attempt at one item, whichever queue delivered it: analyse, compile, caption, then store the
 * analysis, the generation (so it is in the workspace's history) and the result in one transaction.
 * Delivery is at least once, so the result's key (batch, item) makes a repeated delivery a no-op,
 * and the item's bytes are deleted in the same commit.
 *
 * <p>A bad image (undecodable, too large, refused by the workspace's safety setting) fails the same
 * way every time: the item fails at once. Anything else is retried by the queue until the {@link
 * #MAX_ATTEMPTS}th attempt, which fails the item ({@link Outcome#POISON}): a poison item never
 * blocks its batch. Attempts are counted before the work, so an item that kills its worker counts
 * too.
 */
@Component
class BatchWorker {

  static final int MAX_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);

  enum Outcome {
    /** A result is stored (now or by an earlier delivery). */
    DONE,
    /** The item was settled before this delivery (cancelled, failed, done) or is unknown. */
    SETTLED,
    /** The image itself was refused; the item failed with the reason. */
    FAILED,
    /** The item failed {@link #MAX_ATTEMPTS} times; it is failed, and a broker dead-letters it. */
    POISON
  }

  /** A failure that may pass: the queue delivers the item again. */
  static final class RetryException extends RuntimeException {
    RetryException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final BatchRepository batches;
  private final ImageUploads uploads;
  private final AnalysisRepository analyses;
  private final GenerationRepository generations;
  private final Workspaces workspaces;
  private final PromptCompiler compiler;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final Credits credits;
  private final String name;

  BatchWorker(
      BatchRepository batches,
      ImageUploads uploads,
      AnalysisRepository analyses,
      GenerationRepository generations,
      Workspaces workspaces,
      PromptCompiler compiler,
      TransactionOperations transactions,
      Clock clock,
      Credits credits,
      @Value("${server.port:8080}") String port) {
    this.batches = batches;
    this.uploads = uploads;
    this.analyses = analyses;
    this.generations = generations;
    this.workspaces = workspaces;
    this.compiler = compiler;
    this.transactions = transactions;
    this.clock = clock;
    this.credits = credits;
    // Which instance did the work, for the result row: host, process and port.
    this.name = ManagementFactory.getRuntimeMXBean().getName() + ":" + port;
  }

  /**
   * @throws RetryException when the attempt failed in a way another attempt may not
   */
  Outcome work(ItemRef ref) {
    Optional<BatchRepository.Work> begun = transactions.execute(status -> batches.begin(ref));
    if (begun == null || begun.isEmpty()) {
      return Outcome.SETTLED;
    }
    BatchRepository.Work work = begun.get();
    if (work.batch().cancelled()) {
      batches.settle(ref, "cancelled", null, clock.instant());
      return Outcome.SETTLED;
    }
    if (work.attempts() > MAX_ATTEMPTS || work.image() == null) {
      fail(ref, "failed " + MAX_ATTEMPTS + " times; left out");
      return Outcome.POISON;
    }
    try {
      store(ref, work);
      return Outcome.DONE;
    } catch (ImageRejectedException e) {
      fail(ref, Objects.requireNonNullElse(e.getMessage(), "not an image PromptLens can read"));
      return Outcome.FAILED;
    } catch (NotEnoughCreditsException e) {
      // Not retried: another attempt would find the same balance; the person tops up and
      // uploads again.
      fail(ref, e.getMessage());
      return Outcome.FAILED;
    } catch (UnsafeImageException e) {
      fail(ref, "refused by this workspace's safety setting");
      return Outcome.FAILED;
    } catch (RuntimeException e) {
      String reason =
          e instanceof ProviderException
              ? Objects.requireNonNullElse(e.getMessage(), "the vision provider failed")
              : "could not be processed (" + e.getClass().getSimpleName() + ")";
      log.warn(
          "batch {} item {}: attempt {} failed: {}",
          ref.batchId(),
          ref.itemNo(),
          work.attempts(),
          e.toString());
      if (work.attempts() >= MAX_ATTEMPTS) {
        fail(ref, reason + "; failed " + MAX_ATTEMPTS + " times");
        return Outcome.POISON;
      }
      batches.recordError(ref, reason);
      throw new RetryException(reason, e);
    }
  }

  /**
   * One item, charged like one analysis: the price is held before the work, taken in the
   * transaction that stores the result, and given back when nothing was stored.
   */
  private void store(ItemRef ref, BatchRepository.Work work) throws ImageRejectedException {
    BatchRepository.Batch batch = work.batch();
    Charge charge =
        credits.reserve(
            new Payer(batch.workspaceId(), batch.createdBy(), null), Operation.BATCH_ITEM);
    try {
      storeCharged(ref, work, charge);
    } finally {
      credits.release(charge);
    }
  }

  private void storeCharged(ItemRef ref, BatchRepository.Work work, Charge charge)
      throws ImageRejectedException {
    BatchRepository.Batch batch = work.batch();
    Owner owner = new Owner(batch.workspaceId(), batch.createdBy());
    WorkspaceSettings settings = workspaces.settings(batch.workspaceId());
    ImageUploads.Upload upload =
        uploads.analyzeQueued(
            // work() fails an item without bytes before it is charged, so they are here.
            Objects.requireNonNull(work.image()), settings.thumbnails(), settings.visionProvider());
    StoredAnalysis analysis = upload.analysis();
    SafetyCheck.Decision decision =
        SafetyCheck.decide(analysis.analysis(), settings.safetyAction());
    BatchSpec spec = batch.spec();
    PromptResult result =
        compiler.compile(analysis.analysis(), spec.target(), spec.mode(), spec.controls());
    List<String> warnings = new ArrayList<>();
    decision.warningText().ifPresent(warnings::add);
    warnings.addAll(result.warnings());
    Generation generation =
        new Generation(
            UUID.randomUUID(),
            analysis.id(),
            result.target(),
            result.mode(),
            spec.controls(),
            result.prompt(),
            result.negativePrompt(),
            result.parameters(),
            warnings,
            result.tokens(),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            decision.blur());
    byte[] thumbnail = upload.thumbnail(decision.blur());
    String caption = spec.caption().apply(result.prompt());
    try {
      transactions.executeWithoutResult(
          status -> {
            if (batches.hasResult(ref)) {
              // Stored by an earlier delivery: this one only makes sure the item is settled.
              batches.settle(ref, "done", null, clock.instant());
              return;
            }
            if (!batches.settle(ref, "done", null, clock.instant())) {
              // Cancelled while it was analysed: nothing of it is stored.
              return;
            }
            analyses.insert(analysis, owner);
            generations.insert(generation, owner);
            if (thumbnail != null) {
              generations.insertThumbnail(generation, owner, thumbnail);
            }
            credits.settle(charge, "batch_item", ref.batchId() + "#" + ref.itemNo());
            batches.insertResult(
                ref,
                batch.workspaceId(),
                analysis.id(),
                generation.id(),
                caption,
                analysis.imageSha256(),
                name,
                clock.instant());
          });
    } catch (DuplicateKeyException e) {
      // Another worker committed this item's result first (a redelivery raced the original):
      // this transaction rolled back whole, and the one result stands.
      log.debug("batch {} item {}: already stored by another worker", ref.batchId(), ref.itemNo());
    }
  }

  private void fail(ItemRef ref, String reason) {
    batches.settle(ref, "failed", reason, clock.instant());
  }
}
