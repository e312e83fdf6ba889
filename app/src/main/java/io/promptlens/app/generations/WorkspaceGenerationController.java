package io.promptlens.app.generations;

import io.promptlens.app.billing.Payer;
import io.promptlens.app.system.Processing;
import io.promptlens.app.workspaces.Caller;
import io.promptlens.app.workspaces.Owner;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.vision.intake.ImageRejectedException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workspace's generations: create (viewers may not), read and search the history, re-target an
 * old analysis. Everything is looked up inside the workspace, so another workspace's id is a 404.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
record WorkspaceGenerationController(
    GenerationService generations,
    GenerationRepository repository,
    Workspaces workspaces,
    PromptCompiler compiler,
    GenerationDeletion deletion) {

  /** A history row: the generation plus who made it, and how to show its thumbnail. */
  record HistoryItem(
      UUID id,
      UUID analysisId,
      String target,
      String mode,
      String prompt,
      @Nullable String negativePrompt,
      Object controls,
      java.time.Instant createdAt,
      @Nullable UUID createdBy,
      @Nullable String createdByName,
      boolean thumbnail,
      GenerationResponse.Display display) {

    static HistoryItem of(HistoryEntry entry) {
      Generation g = entry.generation();
      return new HistoryItem(
          g.id(),
          g.analysisId(),
          g.target(),
          g.mode().toString(),
          g.prompt(),
          g.negativePrompt(),
          g.controls(),
          g.createdAt(),
          entry.createdBy(),
          entry.createdByName(),
          entry.thumbnail(),
          GenerationResponse.Display.of(g.blurred()));
    }
  }

  @Processing
  @PostMapping(path = "/prompts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<GenerationResponse> fromUpload(
      Caller caller, @PathVariable UUID workspaceId, @ModelAttribute PromptForm form)
      throws ImageRejectedException {
    Payer payer = Payer.of(workspaces.require(workspaceId, caller, Permission.CREATE), caller);
    PromptSpec spec =
        PromptSpec.parse(compiler.targets(), form.target(), form.mode(), form.controls());
    return created(workspaceId, generations.fromUpload(form.image(), spec, payer));
  }

  @Processing
  @PostMapping(path = "/prompts", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<GenerationResponse> fromAnalysis(
      Caller caller, @PathVariable UUID workspaceId, @RequestBody PromptRequest request) {
    Payer payer = Payer.of(workspaces.require(workspaceId, caller, Permission.CREATE), caller);
    UUID analysisId = request.requireAnalysisId();
    PromptSpec spec =
        PromptSpec.parse(
            compiler.targets(), request.target(), request.mode(), request.controlsOrNone());
    return created(workspaceId, generations.fromAnalysis(analysisId, spec, payer));
  }

  /** The body is a prompt request without {@code analysisId}: the old generation's is used. */
  @Processing
  @PostMapping(path = "/generations/{id}/retarget", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<GenerationResponse> retarget(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestBody PromptRequest request) {
    Payer payer = Payer.of(workspaces.require(workspaceId, caller, Permission.CREATE), caller);
    PromptSpec spec =
        PromptSpec.parse(
            compiler.targets(), request.target(), request.mode(), request.controlsOrNone());
    return created(workspaceId, generations.retarget(id, spec, payer));
  }

  @GetMapping("/generations/{id}")
  GenerationResponse get(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    Owner owner = Owner.of(workspaces.require(workspaceId, caller, Permission.VIEW));
    return generations.find(owner, id).orElseThrow(() -> GenerationNotFoundException.of(id));
  }

  /** Deletes a history row (its author, or an admin); 404 afterwards. */
  @DeleteMapping("/generations/{id}")
  ResponseEntity<Void> delete(
      Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    deletion.delete(workspaces.require(workspaceId, caller, Permission.CREATE), id);
    return ResponseEntity.noContent().build();
  }

  /** The thumbnail kept when the workspace opted in; 404 when there is none. */
  @GetMapping("/generations/{id}/thumbnail")
  ResponseEntity<byte[]> thumbnail(
      Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    workspaces.require(workspaceId, caller, Permission.VIEW);
    byte[] jpeg =
        repository
            .findThumbnail(workspaceId, id)
            .orElseThrow(() -> GenerationNotFoundException.thumbnail(id));
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
        .body(jpeg);
  }

  @GetMapping("/generations")
  List<HistoryItem> history(
      Caller caller,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String target,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable Integer limit) {
    workspaces.require(workspaceId, caller, Permission.VIEW);
    HistoryQuery query = HistoryQuery.parse(compiler.targets(), q, target, from, to, limit);
    return repository.search(workspaceId, query).stream().map(HistoryItem::of).toList();
  }

  private static ResponseEntity<GenerationResponse> created(
      UUID workspaceId, GenerationResponse generation) {
    return ResponseEntity.created(
            URI.create("/api/v1/workspaces/" + workspaceId + "/generations/" + generation.id()))
        .body(generation);
  }
}
