package io.promptlens.app.generations;

import io.promptlens.app.billing.Payer;
import io.promptlens.app.system.Processing;
import io.promptlens.app.workspaces.Caller;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.vision.intake.ImageRejectedException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page's result, rendered here and swapped into the page by htmx: the same generation the
 * API writes ({@link GenerationController}, {@link WorkspaceGenerationController}) through the same
 * service, the same permission and the same credits, answered as HTML instead of JSON. A refusal is
 * the API's problem+json with its status, which the page's script shows.
 */
@Controller
record WorkbenchPageController(
    GenerationService generations,
    Workspaces workspaces,
    PromptCompiler compiler,
    JsonMapper json) {

  /** The anonymous "try it" flow, like {@code POST /api/v1/prompts}. */
  @Processing
  @PostMapping(path = "/workbench", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String anonymous(
      @ModelAttribute PromptForm form,
      @RequestParam(name = "analysisId", required = false) @Nullable String analysisId,
      Model model)
      throws ImageRejectedException {
    return render(generate(form, analysisId, null), model);
  }

  /** Signed in, like {@code POST /api/v1/workspaces/{id}/prompts}: viewers may not. */
  @Processing
  @PostMapping(
      path = "/workspaces/{workspaceId}/workbench",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String inWorkspace(
      Caller caller,
      @PathVariable UUID workspaceId,
      @ModelAttribute PromptForm form,
      @RequestParam(name = "analysisId", required = false) @Nullable String analysisId,
      Model model)
      throws ImageRejectedException {
    Payer payer = Payer.of(workspaces.require(workspaceId, caller, Permission.CREATE), caller);
    return render(generate(form, analysisId, payer), model);
  }

  /**
   * The image, or once the page has one the id of its stored analysis (the image is then neither
   * sent nor analysed again), written for the form's target, mode and controls.
   */
  private GenerationResponse generate(
      PromptForm form, @Nullable String analysisId, @Nullable Payer payer)
      throws ImageRejectedException {
    PromptForm page = form.fromPage();
    PromptSpec spec =
        PromptSpec.parse(compiler.targets(), page.target(), page.mode(), page.controls());
    if (analysisId != null && !analysisId.isBlank()) {
      UUID id = new PromptRequest(analysisId, null, null, null).requireAnalysisId();
      return generations.fromAnalysis(id, spec, payer);
    }
    return generations.fromUpload(page.image(), spec, payer);
  }

  private String render(GenerationResponse generation, Model model) {
    model.addAttribute(
        "result",
        WorkbenchResult.of(generation, compiler.targets().require(generation.target()), json));
    return "workbench/result";
  }
}
