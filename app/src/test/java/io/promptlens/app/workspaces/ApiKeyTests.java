package io.promptlens.app.workspaces;

import static io.promptlens.app.support.ApiClient.fields;
import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Rows;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Workspace API keys: shown once, hashed, scoped, revocable, rate-limited; Idempotency-Key. */
@AppIntegration
class ApiKeyTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  JsonNode key(UserSession owner, String workspace, String scope) {
    return owner.createKey(workspace, "CI", scope);
  }

  @Test
  void aKeyIsShownOnceStoredHashedAndListedWithItsLastUse() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    JsonNode created = key(ada, workspace, "read");
    String secret = created.get("key").asString();

    assertThat(secret).startsWith("pl_").hasSizeGreaterThan(40);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE key_hash = :key")
                .param("key", secret)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            new ApiClient(port)
                .withKey(secret)
                .get("/api/v1/workspaces/" + workspace + "/generations")
                .status())
        .isEqualTo(200);

    JsonNode listed = ada.get("/api/v1/workspaces/" + workspace + "/api-keys").json().get(0);
    assertThat(listed.get("key").isNull()).isTrue();
    assertThat(listed.get("prefix").asString()).isEqualTo(secret.substring(0, 9));
    assertThat(listed.get("lastUsedAt").isNull()).isFalse();
  }

  @Test
  void aReadKeyReadsAWriteKeyGeneratesAndNeitherManagesOrLeavesItsWorkspace() {
    UserSession ada = UserSession.verified(port, "Ada");
    UserSession bob = UserSession.verified(port, "Bob");
    String workspace = ada.personalWorkspace();
    ApiClient reader =
        new ApiClient(port).withKey(key(ada, workspace, "read").get("key").asString());
    ApiClient writer =
        new ApiClient(port).withKey(key(ada, workspace, "write").get("key").asString());
    String prompts = "/api/v1/workspaces/" + workspace + "/prompts";

    assertProblem(reader.postImage(prompts, TestImages.png(64, 64)), 403, "scope (read)");
    Response generated = writer.postImage(prompts, TestImages.png(64, 64));
    assertThat(generated.status()).as(generated.body()).isEqualTo(201);
    assertThat(
            reader
                .get(
                    "/api/v1/workspaces/"
                        + workspace
                        + "/generations/"
                        + generated.json().get("id").asString())
                .status())
        .isEqualTo(200);
    assertProblem(writer.get("/api/v1/workspaces/" + workspace + "/api-keys"), 403, "scope");
    assertProblem(
        writer.get("/api/v1/workspaces/" + bob.personalWorkspace() + "/generations"),
        404,
        "No workspace");
    assertProblem(writer.get("/api/v1/workspaces"), 403, "API keys cannot");
  }

  @Test
  void aRevokedOrWrongKeyIs401() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    JsonNode created = key(ada, workspace, "read");
    ApiClient client = new ApiClient(port).withKey(created.get("key").asString());

    assertThat(
            ada.delete(
                    "/api/v1/workspaces/" + workspace + "/api-keys/" + created.get("id").asString())
                .status())
        .isEqualTo(204);

    assertProblem(client.get("/api/v1/workspaces/" + workspace), 401, "revoked");
    assertProblem(
        new ApiClient(port).withKey("pl_guess").get("/api/v1/workspaces/" + workspace),
        401,
        "wrong");
  }

  @Test
  void aKeyOverItsLimitGets429WithRetryAfter() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    ApiClient client =
        new ApiClient(port).withKey(key(ada, workspace, "read").get("key").asString());

    Response last = null;
    for (int i = 0; i < 31 && (last == null || last.status() == 200); i++) {
      last = client.get("/api/v1/workspaces/" + workspace);
    }

    assertProblem(last, 429, "Retry after");
    assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 61);
  }

  @Test
  void aRepeatedPostWithTheSameIdempotencyKeyIsAnsweredOnceAndStoredOnce() {
    UserSession ada = UserSession.verified(port, "Ada");
    String workspace = ada.personalWorkspace();
    ApiClient writer =
        new ApiClient(port)
            .withKey(key(ada, workspace, "write").get("key").asString())
            .with("Idempotency-Key", "generate-" + workspace);
    String prompts = "/api/v1/workspaces/" + workspace + "/prompts";
    byte[] image = TestImages.png(96, 64);

    Response first = writer.postImage(prompts, image, fields("target", "sdxl"));
    Rows after = Rows.count(jdbc);
    Response again = writer.postImage(prompts, image, fields("target", "sdxl"));

    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(Rows.count(jdbc)).isEqualTo(after);
    assertProblem(
        writer.postImage(prompts, image, fields("target", "flux")), 422, "different request");
  }

  @Test
  void theOpenApiDescriptionIsServedAtApiDocs() {
    Response docs = new ApiClient(port).get("/api/docs");

    assertThat(docs.status()).as(docs.body()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/v1/workspaces/{workspaceId}/prompts")).isTrue();
    assertThat(docs.json().get("paths").has("/api/v1/prompts")).isTrue();
    assertThat(docs.json().get("components").get("securitySchemes").has("apiKey")).isTrue();
  }
}
