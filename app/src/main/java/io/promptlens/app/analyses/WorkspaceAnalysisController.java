package io.promptlens.app.analyses;

import io.promptlens.app.billing.Charge;
import io.promptlens.app.billing.Credits;
import io.promptlens.app.billing.Operation;
import io.promptlens.app.billing.Payer;
import io.promptlens.app.system.Processing;
import io.promptlens.app.workspaces.Caller;
import io.promptlens.app.workspaces.Owner;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.vision.intake.ImageRejectedException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/workspaces/{id}/analyses}: the same as the anonymous API, kept in a workspace and
 * paid in its credits (reserved before the analysis, settled when it is stored, released when it
 * fails; 402 when the credits do not cover it), with the workspace's safety action applied (a
 * {@code warnings} array when it warns or blurs; 422 and nothing stored when it refuses) and a
 * {@code display} object saying how to show the image ({@code {"blur": true}} for a marked image in
 * a workspace that blurs).
 */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/analyses")
record WorkspaceAnalysisController(
    ImageUploads uploads, AnalysisRepository analyses, Workspaces workspaces, Credits credits) {

  @Processing
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ObjectNode> create(
      Caller caller,
      @PathVariable UUID workspaceId,
      @RequestParam(name = "image", required = false) @Nullable MultipartFile image)
      throws ImageRejectedException {
    Payer payer = Payer.of(workspaces.require(workspaceId, caller, Permission.CREATE), caller);
    Owner owner = payer.owner();
    if (image == null) {
      throw new MissingImageException();
    }
    // The provider runs only where the workspace enabled it (a privacy setting) and the plan
    // includes it; the price follows what runs.
    Operation operation =
        credits.analysisOperation(
            workspaceId,
            uploads.providerConfigured() && workspaces.settings(workspaceId).visionProvider());
    Charge charge = credits.reserve(payer, operation);
    StoredAnalysis stored;
    SafetyCheck.Decision decision;
    try {
      stored = uploads.analyze(image, false, operation == Operation.PROVIDER_ANALYSIS).analysis();
      decision =
          SafetyCheck.decide(stored.analysis(), workspaces.settings(workspaceId).safetyAction());
      analyses.insert(stored, owner);
      credits.settle(charge, "analysis", stored.id());
    } finally {
      credits.release(charge);
    }
    ObjectNode body = AnalysisController.body(stored);
    decision.warningText().ifPresent(text -> body.putArray("warnings").add(text));
    body.putObject("display").put("blur", decision.blur());
    return ResponseEntity.created(
            URI.create("/api/v1/workspaces/" + workspaceId + "/analyses/" + stored.id()))
        .body(body);
  }

  /** {@code display.blur} follows the workspace's safety action as it is now. */
  @GetMapping("/{id}")
  ObjectNode get(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    workspaces.require(workspaceId, caller, Permission.VIEW);
    StoredAnalysis stored =
        analyses
            .findInWorkspace(workspaceId, id)
            .orElseThrow(() -> new AnalysisNotFoundException(id));
    ObjectNode body = AnalysisController.body(stored);
    body.putObject("display")
        .put(
            "blur",
            SafetyCheck.blurs(stored.analysis(), workspaces.settings(workspaceId).safetyAction()));
    return body;
  }
}
