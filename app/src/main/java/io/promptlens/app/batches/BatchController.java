package io.promptlens.app.batches;

import io.promptlens.app.system.Processing;
import io.promptlens.app.workspaces.Caller;
import io.promptlens.app.workspaces.Owner;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.compiler.PromptCompiler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/workspaces/{id}/batches}: upload many images (or ZIPs of them) for captions, watch
 * the batch, download its captions, cancel it. Members who may create start and cancel batches;
 * anyone who may view the workspace watches and downloads.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/batches")
record BatchController(
    BatchService batches, BatchResults results, Workspaces workspaces, PromptCompiler compiler) {

  @Processing
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "202",
      description = "Accepted: the batch is queued; poll its Location")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<BatchView> create(
      Caller caller,
      @PathVariable UUID workspaceId,
      @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
      @ModelAttribute BatchSpec.Form form) {
    Owner owner = Owner.of(workspaces.require(workspaceId, caller, Permission.CREATE));
    BatchSpec spec = BatchSpec.parse(compiler.targets(), form);
    UUID id = batches.create(owner, spec, files == null ? List.of() : new ArrayList<>(files));
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/workspaces/" + workspaceId + "/batches/" + id))
        .body(batches.view(workspaceId, id));
  }

  @GetMapping("/{batchId}")
  BatchView get(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID batchId) {
    workspaces.require(workspaceId, caller, Permission.VIEW);
    return batches.view(workspaceId, batchId);
  }

  /**
   * Finished items so far (all of them once the batch is done), written while they are read. On the
   * request thread rather than as an async stream: the API key's authentication belongs to this
   * dispatch.
   */
  @GetMapping("/{batchId}/results")
  void results(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID batchId,
      @RequestParam(defaultValue = "zip") String format,
      HttpServletResponse response)
      throws IOException {
    workspaces.require(workspaceId, caller, Permission.VIEW);
    BatchResults.Format parsed = BatchResults.Format.parse(format);
    batches.find(workspaceId, batchId);
    response.setContentType(parsed.contentType);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"captions-" + batchId + "." + parsed.extension + "\"");
    results.write(batchId, parsed, response.getOutputStream());
  }

  /** Cancels what still waits; finished items keep their captions. */
  @DeleteMapping("/{batchId}")
  BatchView cancel(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID batchId) {
    workspaces.require(workspaceId, caller, Permission.CREATE);
    batches.cancel(workspaceId, batchId);
    return batches.view(workspaceId, batchId);
  }
}
