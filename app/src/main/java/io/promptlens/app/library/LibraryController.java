package io.promptlens.app.library;

import io.promptlens.app.workspaces.Caller;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.Workspaces;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/workspaces/{id}/library} and {@code …/collections}: saved prompts with versions,
 * tags, favourites, sharing and export as text or JSON.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}")
record LibraryController(Library library, Workspaces workspaces) {

  record NewCollection(@Nullable String name) {}

  @PostMapping("/library")
  ResponseEntity<LibraryItem> save(
      Caller caller, @PathVariable UUID workspaceId, @RequestBody Library.NewItem body) {
    LibraryItem item = library.save(member(caller, workspaceId), body);
    return ResponseEntity.created(
            URI.create("/api/v1/workspaces/" + workspaceId + "/library/" + item.id()))
        .body(item);
  }

  @GetMapping("/library")
  List<LibraryItem> list(
      Caller caller,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String tag,
      @RequestParam(required = false) @Nullable UUID collection,
      @RequestParam(defaultValue = "false") boolean favourites) {
    return library.list(
        member(caller, workspaceId),
        new LibraryRepository.Filter(
            null,
            q == null || q.isBlank() ? null : q.strip(),
            tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT),
            collection,
            favourites));
  }

  @GetMapping("/library/{id}")
  LibraryItem get(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    return library.get(member(caller, workspaceId), id);
  }

  @GetMapping("/library/{id}/versions")
  List<LibraryItem.Version> versions(
      Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    return library.versions(member(caller, workspaceId), id);
  }

  @PutMapping("/library/{id}")
  LibraryItem edit(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestBody Library.Edit body) {
    return library.edit(member(caller, workspaceId), id, body);
  }

  @PostMapping("/library/{id}/share")
  LibraryItem share(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    return library.share(member(caller, workspaceId), id);
  }

  /** The collection an item is in; {@code null} takes it out of any. */
  record Placement(@Nullable UUID collectionId) {}

  @PutMapping("/library/{id}/collection")
  LibraryItem move(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestBody Placement body) {
    return library.move(member(caller, workspaceId), id, body.collectionId());
  }

  @PutMapping("/library/{id}/favourite")
  LibraryItem favourite(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    return library.favourite(member(caller, workspaceId), id, true);
  }

  @DeleteMapping("/library/{id}/favourite")
  LibraryItem unfavourite(Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    return library.favourite(member(caller, workspaceId), id, false);
  }

  /** {@code ?format=text} (default) for a prompt box, {@code json} for tools. */
  @GetMapping("/library/{id}/export")
  ResponseEntity<?> export(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "text") String format) {
    LibraryItem item = library.get(member(caller, workspaceId), id);
    if (format.equalsIgnoreCase("json")) {
      LibraryItem.Version v = item.current();
      Map<String, Object> json = new java.util.LinkedHashMap<>();
      json.put("title", v.title());
      json.put("prompt", v.prompt());
      json.put("negativePrompt", v.negativePrompt());
      json.put("target", v.target());
      json.put("mode", v.mode());
      json.put("tags", item.tags());
      json.put("version", v.version());
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
        .body(Library.asText(item));
  }

  @PostMapping("/collections")
  ResponseEntity<LibraryRepository.Collection> createCollection(
      Caller caller, @PathVariable UUID workspaceId, @RequestBody NewCollection body) {
    LibraryRepository.Collection collection =
        library.createCollection(member(caller, workspaceId), body.name());
    return ResponseEntity.created(
            URI.create("/api/v1/workspaces/" + workspaceId + "/collections/" + collection.id()))
        .body(collection);
  }

  @PutMapping("/collections/{id}")
  LibraryRepository.Collection renameCollection(
      Caller caller,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestBody NewCollection body) {
    return library.renameCollection(member(caller, workspaceId), id, body.name());
  }

  @DeleteMapping("/collections/{id}")
  ResponseEntity<Void> deleteCollection(
      Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    library.deleteCollection(member(caller, workspaceId), id);
    return ResponseEntity.noContent().build();
  }

  /** Soft delete: gone from lists and lookups, the versions kept. */
  @DeleteMapping("/library/{id}")
  ResponseEntity<Void> delete(
      Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    library.delete(member(caller, workspaceId), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/collections")
  List<LibraryRepository.Collection> collections(Caller caller, @PathVariable UUID workspaceId) {
    return library.collections(member(caller, workspaceId));
  }

  private Member member(Caller caller, UUID workspaceId) {
    return workspaces.require(workspaceId, caller, Permission.VIEW);
  }
}
