package io.promptlens.app.presets;

import io.promptlens.app.analyses.AnalysisRepository;
import io.promptlens.app.analyses.ImageUploads;
import io.promptlens.app.system.Processing;
import io.promptlens.app.workspaces.Caller;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.WorkspaceProblem;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.compiler.Detail;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.PromptResult;
import io.promptlens.vision.intake.ImageRejectedException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/workspaces/{id}/presets}: brand styles. Make one from an analysis or by hand,
 * apply it to a new subject for any target and mode, and check how on-style an image is.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/presets")
record PresetController(
    Presets presets,
    Workspaces workspaces,
    PromptCompiler compiler,
    ImageUploads uploads,
    AnalysisRepository analyses) {

  record NewPreset(@Nullable String name, @Nullable UUID analysisId, @Nullable StyleSpec style) {}

  record Application(
      @Nullable String subject,
      @Nullable String target,
      @Nullable String mode,
      @Nullable String detail,
      @Nullable String aspect) {}

  record Applied(
      String target,
      Mode mode,
      String prompt,
      @Nullable String negativePrompt,
      Map<String, Object> parameters,
      List<String> warnings,
      int tokens) {}

  record Check(@Nullable UUID analysisId) {}

  @PostMapping
  ResponseEntity<Presets.Preset> create(
      Caller caller, @PathVariable UUID workspaceId, @RequestBody NewPreset body) {
    Presets.Preset preset =
        presets.create(member(caller, workspaceId), body.name(), body.analysisId(), body.style());
    return ResponseEntity.created(
            URI.create("/api/v1/workspaces/" + workspaceId + "/presets/" + preset.id()))
        .body(preset);
  }

  @GetMapping
  List<Presets.Preset> list(Caller caller, @PathVariable UUID workspaceId) {
    return presets.list(member(caller, workspaceId));
  }

  @GetMapping("/{id}")
  Presets.Preset get(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    return presets.get(member(caller, workspaceId), id);
  }

  @PutMapping("/{id}")
  Presets.Preset update(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestBody NewPreset body) {
    return presets.update(member(caller, workspaceId), id, body.name(), body.style());
  }

  /** The preset's style around a new subject, for any target and mode. Nothing is stored. */
  @Processing
  @PostMapping("/{id}/apply")
  Applied apply(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestBody Application body) {
    Presets.Preset preset = presets.get(member(caller, workspaceId), id);
    if (body.subject() == null || body.subject().isBlank()) {
      throw WorkspaceProblem.badRequest("subject (what the new picture shows) is required.");
    }
    String target =
        compiler
            .targets()
            .require(
                body.target() == null || body.target().isBlank() ? "midjourney" : body.target())
            .id();
    String subject = body.subject().strip();
    PromptResult result =
        StyleApplier.asked(
            () ->
                StyleApplier.apply(
                    compiler,
                    preset,
                    subject,
                    target,
                    body.mode() == null || body.mode().isBlank()
                        ? Mode.STYLE
                        : Mode.parse(body.mode()),
                    body.detail() == null || body.detail().isBlank()
                        ? null
                        : Detail.parse(body.detail()),
                    body.aspect()));
    // Style mode leaves a {subject} slot for the user; here the subject is known.
    return new Applied(
        result.target(),
        result.mode(),
        result.prompt().replace("{subject}", subject),
        result.negativePrompt(),
        result.parameters(),
        result.warnings(),
        result.tokens());
  }

  /** On-style check of an uploaded image (analysed, not stored). */
  @Processing
  @PostMapping(path = "/{id}/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  StyleScore.Result checkUpload(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestParam(name = "image", required = false) @Nullable MultipartFile image)
      throws ImageRejectedException {
    Presets.Preset preset = presets.get(member(caller, workspaceId), id);
    return StyleScore.score(preset.style(), uploads.analyze(image).analysis());
  }

  /** On-style check of an image the workspace analysed before. */
  @Processing
  @PostMapping(path = "/{id}/check", consumes = MediaType.APPLICATION_JSON_VALUE)
  StyleScore.Result checkAnalysis(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestBody Check body) {
    Presets.Preset preset = presets.get(member(caller, workspaceId), id);
    UUID analysisId = body.analysisId();
    if (analysisId == null) {
      throw WorkspaceProblem.badRequest("analysisId (or an uploaded image) is required.");
    }
    ImageAnalysis analysis =
        analyses
            .findInWorkspace(workspaceId, analysisId)
            .orElseThrow(() -> WorkspaceProblem.notFound("analysis", analysisId))
            .analysis();
    return StyleScore.score(preset.style(), analysis);
  }

  private Member member(Caller caller, UUID workspaceId) {
    return workspaces.require(workspaceId, caller, Permission.VIEW);
  }
}
