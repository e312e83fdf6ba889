package io.promptlens.app.generations;

import io.promptlens.app.analyses.AnalysisNotFoundException;
import io.promptlens.app.analyses.AnalysisRepository;
import io.promptlens.app.analyses.ImageUploads;
import io.promptlens.app.analyses.MissingImageException;
import io.promptlens.app.analyses.RecentAnalyses;
import io.promptlens.app.analyses.SafetyCheck;
import io.promptlens.app.analyses.StoredAnalysis;
import io.promptlens.app.billing.Charge;
import io.promptlens.app.billing.Credits;
import io.promptlens.app.billing.Operation;
import io.promptlens.app.billing.Payer;
import io.promptlens.app.workspaces.Owner;
import io.promptlens.app.workspaces.WorkspaceSettings;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.core.compiler.UnknownTargetException;
import io.promptlens.vision.intake.ImageRejectedException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.multipart.MultipartFile;

/**
 * Analyse (or look up), compile, store. Everything that can fail on the user's input happens before
 * the first write, and the writes share one transaction, so a request either stores its analysis
 * and its generation or nothing. The transaction is kept short on purpose: analysis runs outside it
 * and holds no database connection.
 */
@Service
class GenerationService {

  private final ImageUploads uploads;
  private final AnalysisRepository analyses;
  private final RecentAnalyses recentAnalyses;
  private final GenerationRepository generations;
  private final GroupCommit<Generation> anonymousGenerations;
  private final RecentPrompts<PromptResult> recentPrompts = new RecentPrompts<>();
  private final RecentPrompts<Generation> storedAnonymously = new RecentPrompts<>();
  private final PromptCompiler compiler;
  private final TransactionOperations transactions;
  private final Clock clock;
  private final Workspaces workspaces;
  private final Credits credits;

  GenerationService(
      ImageUploads uploads,
      AnalysisRepository analyses,
      RecentAnalyses recentAnalyses,
      GenerationRepository generations,
      PromptCompiler compiler,
      TransactionOperations transactions,
      Clock clock,
      Workspaces workspaces,
      Credits credits) {
    this.credits = credits;
    this.uploads = uploads;
    this.analyses = analyses;
    this.recentAnalyses = recentAnalyses;
    this.generations = generations;
    this.anonymousGenerations =
        new GroupCommit<>(
            rows ->
                transactions.executeWithoutResult(
                    status -> rows.forEach(row -> generations.insert(row, null))));
    this.compiler = compiler;
    this.transactions = transactions;
    this.clock = clock;
    this.workspaces = workspaces;
  }

  /**
   * An upload analysed and compiled. A workspace's request is paid: the analysis's price is
   * reserved first (402 when it is not covered), settled in the transaction that stores the rows
   * and released when anything fails.
   *
   * @param payer the workspace, user and key the rows belong to and the credits come from; null for
   *     the anonymous "try it" flow (free, limited per address and day)
   */
  GenerationResponse fromUpload(
      @Nullable MultipartFile image, PromptSpec spec, @Nullable Payer payer)
      throws ImageRejectedException {
    Owner owner = payer == null ? null : payer.owner();
    if (payer == null) {
      return fromUpload(image, spec, owner, null, false);
    }
    if (image == null) {
      throw new MissingImageException();
    }
    // The provider runs only where the workspace enabled it (a privacy setting) and the plan
    // includes it; the price follows what runs.
    Operation operation =
        credits.analysisOperation(
            payer.workspaceId(), uploads.providerConfigured() && settings(owner).visionProvider());
    Charge charge = credits.reserve(payer, operation);
    try {
      return fromUpload(image, spec, owner, charge, operation == Operation.PROVIDER_ANALYSIS);
    } finally {
      credits.release(charge);
    }
  }

  private GenerationResponse fromUpload(
      @Nullable MultipartFile image, // the anonymous path: ImageUploads refuses a missing one
      PromptSpec spec,
      @Nullable Owner owner,
      @Nullable Charge charge,
      boolean useProvider)
      throws ImageRejectedException {
    WorkspaceSettings settings = settings(owner);
    ImageUploads.Upload upload = uploads.analyze(image, settings.thumbnails(), useProvider);
    StoredAnalysis analysis = upload.analysis();
    Generation generation = compile(analysis, spec, owner, settings, false);
    // Made only now that the safety check has decided: a blurred image's thumbnail is blurred
    // before it is stored, so no sharp copy is ever written.
    byte[] thumbnail = owner == null ? null : upload.thumbnail(generation.blurred());
    transactions.executeWithoutResult(
        status -> {
          analyses.insert(analysis, owner);
          generations.insert(generation, owner);
          if (owner != null && thumbnail != null) {
            generations.insertThumbnail(generation, owner, thumbnail);
          }
          if (charge != null) {
            credits.settle(charge, "generation", generation.id());
          }
        });
    return withVariations(GenerationResponse.of(generation, analysis), analysis, spec);
  }

  /**
   * The analysis must be the payer's workspace's (or anonymous, for an anonymous request). A
   * workspace pays the compile price (0 by default). The analysis may come from {@link
   * RecentAnalyses}; the generation's foreign key proves it still exists when the row is written.
   *
   * <p>Anonymous rows are written by group commit: concurrent requests share one commit. An
   * anonymous request made again within {@link RecentPrompts#HELD} (same analysis, target, mode and
   * controls) stores no second row: it is answered with the generation the first one stored, as an
   * {@code Idempotency-Key} replay would be, once a read has shown that row is still there. Its
   * content could not differ (the compiler is pure, an analysis never changes, anonymous rows carry
   * no owner, safety decision or thumbnail), and it was durable before it was first acknowledged.
   */
  GenerationResponse fromAnalysis(UUID analysisId, PromptSpec spec, @Nullable Payer payer) {
    if (payer == null) {
      Optional<GenerationResponse> stored = storedAnonymously(analysisId, spec);
      if (stored.isPresent()) {
        return stored.get();
      }
      try (GroupCommit<Generation>.Announced row = anonymousGenerations.expect()) {
        return fromAnalysis(
            analysisId,
            spec,
            null,
            generation -> {
              row.write(generation);
              storedAnonymously.put(
                  analysisId, spec.target().id(), spec.mode(), spec.controls(), generation);
            });
      }
    }
    Owner owner = payer.owner();
    return fromAnalysis(
        analysisId,
        spec,
        owner,
        generation -> {
          Charge charge = credits.reserve(payer, Operation.COMPILE);
          try {
            transactions.executeWithoutResult(
                status -> {
                  generations.insert(generation, owner);
                  credits.settle(charge, "generation", generation.id());
                });
          } finally {
            credits.release(charge);
          }
        });
  }

  /** The anonymous generation a previous identical request stored, if held and still there. */
  private Optional<GenerationResponse> storedAnonymously(UUID analysisId, PromptSpec spec) {
    Generation held =
        storedAnonymously.find(analysisId, spec.target().id(), spec.mode(), spec.controls());
    if (held == null) {
      return Optional.empty();
    }
    // Retention, or another instance, may have deleted it since: then it is compiled and stored
    // again, or answered 404 when its analysis is gone too (the foreign key sees to that).
    Optional<StoredAnalysis> analysis = recentAnalyses.find(null, analysisId);
    if (analysis.isEmpty() || !generations.anonymousExists(held.id())) {
      storedAnonymously.forget(analysisId);
      return Optional.empty();
    }
    return Optional.of(
        withVariations(GenerationResponse.of(held, analysis.get()), analysis.get(), spec));
  }

  private GenerationResponse fromAnalysis(
      UUID analysisId, PromptSpec spec, @Nullable Owner owner, Consumer<Generation> store) {
    StoredAnalysis analysis =
        recentAnalyses
            .find(owner, analysisId)
            .orElseThrow(() -> new AnalysisNotFoundException(analysisId));
    Generation generation = compile(analysis, spec, owner, settings(owner), true);
    try {
      store.accept(generation);
    } catch (DataIntegrityViolationException e) {
      // The held analysis was erased or expired from the database after it was read.
      if (analyses.find(owner, analysisId).isEmpty()) {
        recentAnalyses.forget(analysisId);
        recentPrompts.forget(analysisId);
        storedAnonymously.forget(analysisId);
        throw new AnalysisNotFoundException(analysisId);
      }
      throw e;
    }
    return withVariations(GenerationResponse.of(generation, analysis), analysis, spec);
  }

  /**
   * A request for several prompts: the stored generation is the first (the canonical wording); the
   * others are compiled from the same analysis and only returned.
   */
  private GenerationResponse withVariations(
      GenerationResponse response, StoredAnalysis analysis, PromptSpec spec) {
    if (spec.controls().variations() <= 1) {
      return response;
    }
    List<PromptResult> all =
        compiler.compileVariations(
            analysis.analysis(), spec.target().id(), spec.mode(), spec.controls());
    return response.withVariations(
        all.stream()
            .skip(1)
            .map(r -> new GenerationResponse.Variation(r.prompt(), r.negativePrompt(), r.tokens()))
            .toList());
  }

  /** Re-target: the stored generation's analysis compiled again, without analysing again. */
  GenerationResponse retarget(UUID generationId, PromptSpec spec, Payer payer) {
    Generation old =
        generations
            .find(payer.owner(), generationId)
            .orElseThrow(() -> GenerationNotFoundException.of(generationId));
    return fromAnalysis(old.analysisId(), spec, payer);
  }

  Optional<GenerationResponse> find(@Nullable Owner owner, UUID id) {
    return generations
        .find(owner, id)
        .map(
            generation ->
                GenerationResponse.of(
                    generation,
                    analyses
                        .findById(generation.analysisId())
                        .orElseThrow(
                            () -> new IllegalStateException("dangling generation " + id))));
  }

  /** Anonymous rows have no workspace and so the defaults (no safety action, no thumbnail). */
  private WorkspaceSettings settings(@Nullable Owner owner) {
    return owner == null ? WorkspaceSettings.DEFAULTS : workspaces.settings(owner.workspaceId());
  }

  /**
   * The workspace's safety action first (a refusal stores nothing), then the compiler; the
   * decision's warning and blur go with the generation.
   *
   * @param again a stored analysis compiled again, whose prompt may be asked for again: kept in
   *     {@link RecentPrompts} (a fresh upload's analysis is new, so its prompt is not)
   */
  private Generation compile(
      StoredAnalysis analysis,
      PromptSpec spec,
      @Nullable Owner owner,
      WorkspaceSettings settings,
      boolean again) {
    SafetyCheck.Decision decision =
        owner == null
            ? SafetyCheck.Decision.NONE
            : SafetyCheck.decide(analysis.analysis(), settings.safetyAction());
    return compile(analysis, spec, again).withSafety(decision);
  }

  private Generation compile(StoredAnalysis analysis, PromptSpec spec, boolean again) {
    PromptResult result;
    try {
      Supplier<PromptResult> compile =
          () ->
              compiler.compile(
                  analysis.analysis(), spec.target().id(), spec.mode(), spec.controls());
      result =
          again
              ? recentPrompts.get(
                  analysis.id(), spec.target().id(), spec.mode(), spec.controls(), compile)
              : compile.get();
    } catch (UnknownTargetException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // The compiler refuses some control combinations (e.g. an aspect a target cannot take);
      // its messages are written for users.
      throw new InvalidPromptRequestException(e.getMessage());
    }
    return Generation.of(
        UUID.randomUUID(),
        analysis.id(),
        spec.controls(),
        result,
        clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
