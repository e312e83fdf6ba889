package io.promptlens.app.generations;

import io.promptlens.app.system.Processing;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.vision.intake.ImageRejectedException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The anonymous "try it" API: {@code POST /api/v1/prompts} in two forms (an uploaded image, or the
 * id of a stored analysis), {@code GET /api/v1/generations/{id}} and the target list the page and
 * clients choose from. Rows written here belong to no workspace, even for a signed-in caller, and a
 * workspace's rows are not found here: signed-in work goes through {@link
 * WorkspaceGenerationController}.
 */
@RestController
record GenerationController(GenerationService generations, PromptCompiler compiler) {

  @Processing
  @PostMapping(path = "/api/v1/prompts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<GenerationResponse> fromUpload(@ModelAttribute PromptForm form)
      throws ImageRejectedException {
    PromptSpec spec =
        PromptSpec.parse(compiler.targets(), form.target(), form.mode(), form.controls());
    return created(generations.fromUpload(form.image(), spec, null));
  }

  @Processing
  @PostMapping(path = "/api/v1/prompts", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<GenerationResponse> fromAnalysis(@RequestBody PromptRequest request) {
    UUID analysisId = request.requireAnalysisId();
    PromptSpec spec =
        PromptSpec.parse(
            compiler.targets(), request.target(), request.mode(), request.controlsOrNone());
    return created(generations.fromAnalysis(analysisId, spec, null));
  }

  @GetMapping("/api/v1/generations/{id}")
  GenerationResponse get(@PathVariable UUID id) {
    return generations.find(null, id).orElseThrow(() -> GenerationNotFoundException.of(id));
  }

  @GetMapping("/api/v1/targets")
  List<TargetResponse> targets() {
    return compiler.targets().all().stream().map(TargetResponse::of).toList();
  }

  private static ResponseEntity<GenerationResponse> created(GenerationResponse generation) {
    URI location =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/v1/generations/{id}")
            .buildAndExpand(generation.id())
            .toUri();
    return ResponseEntity.created(location).body(generation);
  }
}
