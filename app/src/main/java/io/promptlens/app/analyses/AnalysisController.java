package io.promptlens.app.analyses;

import io.promptlens.app.system.Processing;
import io.promptlens.vision.intake.ImageRejectedException;
import io.promptlens.vision.json.AnalysisJson;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/analyses}: upload an image, get (and later re-read) its analysis. The body is the
 * public ImageAnalysis JSON with the stored id added in front. This is the anonymous "try it" API:
 * its analyses belong to no workspace, and a workspace's analyses are not found here.
 */
@RestController
@RequestMapping("/api/v1/analyses")
record AnalysisController(ImageUploads uploads, AnalysisRepository analyses) {

  @Processing
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ObjectNode> create(
      @RequestParam(name = "image", required = false) @Nullable MultipartFile image)
      throws ImageRejectedException {
    StoredAnalysis stored = uploads.analyze(image);
    analyses.insert(stored);
    URI location =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/v1/analyses/{id}")
            .buildAndExpand(stored.id())
            .toUri();
    return ResponseEntity.created(location).body(body(stored));
  }

  @GetMapping("/{id}")
  ObjectNode get(@PathVariable UUID id) {
    return body(analyses.findUnowned(id).orElseThrow(() -> new AnalysisNotFoundException(id)));
  }

  /** The analysis exactly as {@link AnalysisJson} writes it, with {@code "id"} first. */
  static ObjectNode body(StoredAnalysis stored) {
    ObjectNode body = AnalysisJson.mapper().createObjectNode();
    body.put("id", stored.id().toString());
    body.setAll((ObjectNode) AnalysisJson.mapper().valueToTree(stored.analysis()));
    return body;
  }
}
