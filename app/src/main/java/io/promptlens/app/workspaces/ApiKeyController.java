package io.promptlens.app.workspaces;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/workspaces/{id}/api-keys}: owners and admins create (the key is in the answer this
 * once), list (with last use) and revoke keys.
 */
@RestController
@RequestMapping("/api/v1/workspaces/{workspaceId}/api-keys")
record ApiKeyController(Workspaces workspaces, ApiKeys keys) {

  record NewKey(@Nullable String name, @Nullable String scope) {}

  record KeyResponse(
      UUID id,
      String name,
      String prefix,
      String scope,
      Instant createdAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt,
      @Nullable String key) {

    static KeyResponse of(ApiKey key, @Nullable String secret) {
      return new KeyResponse(
          key.id(),
          key.name(),
          key.prefix(),
          key.scope(),
          key.createdAt(),
          key.lastUsedAt(),
          key.revokedAt(),
          secret);
    }
  }

  @PostMapping
  ResponseEntity<KeyResponse> create(
      Caller caller, @PathVariable UUID workspaceId, @RequestBody NewKey body) {
    Member member = workspaces.require(workspaceId, caller, Permission.MANAGE_KEYS);
    ApiKeys.Created created = keys.create(member, body.name(), body.scope());
    return ResponseEntity.created(
            URI.create("/api/v1/workspaces/" + workspaceId + "/api-keys/" + created.key().id()))
        .body(KeyResponse.of(created.key(), created.secret()));
  }

  @GetMapping
  List<KeyResponse> list(Caller caller, @PathVariable UUID workspaceId) {
    return keys.list(workspaces.require(workspaceId, caller, Permission.MANAGE_KEYS)).stream()
        .map(key -> KeyResponse.of(key, null))
        .toList();
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(
      Caller caller, @PathVariable UUID workspaceId, @PathVariable UUID id) {
    keys.revoke(workspaces.require(workspaceId, caller, Permission.MANAGE_KEYS), id);
    return ResponseEntity.noContent().build();
  }
}
