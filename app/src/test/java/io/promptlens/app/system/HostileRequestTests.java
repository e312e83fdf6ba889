package io.promptlens.app.system;

import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.UserSession;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bodies a careless or hostile client sends get a 4xx problem and store nothing. */
@AppIntegration
class HostileRequestTests {

  @LocalServerPort int port;

  @Test
  void aMultipartBodyWithoutItsClosingBoundaryIsABadRequest() {
    byte[] broken =
        "--xyz\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\nabc"
            .getBytes(StandardCharsets.US_ASCII);

    assertProblem(
        new ApiClient(port).post("/api/v1/analyses", "multipart/form-data; boundary=xyz", broken),
        400,
        "multipart");
  }

  @Test
  void aJsonBodyOverTheCapIsRefusedBeforeItIsRead() {
    UserSession ada = UserSession.verified(port, "Ada");
    String library = "/api/v1/workspaces/" + ada.personalWorkspace() + "/library";

    assertProblem(
        ada.postJson(library, "{\"prompt\": \"" + "a".repeat(300_000) + "\"}"), 413, "at most");
    assertThat(ada.get(library).json()).isEmpty();
  }

  @Test
  void aLibraryPromptOverItsLimitIsABadRequestAndSoIsANullTag() {
    UserSession ada = UserSession.verified(port, "Ada");
    String library = "/api/v1/workspaces/" + ada.personalWorkspace() + "/library";

    assertProblem(
        ada.postJson(library, "{\"prompt\": \"" + "a".repeat(10_001) + "\"}"), 400, "prompt");
    assertProblem(ada.postJson(library, "{\"prompt\": \"ok\", \"tags\": [null]}"), 400, "tag");
    assertThat(ada.get(library).json()).isEmpty();
  }

  @Test
  void editsAreCappedToo() {
    UserSession ada = UserSession.verified(port, "Ada");
    String library = "/api/v1/workspaces/" + ada.personalWorkspace() + "/library";
    String id = ada.postJson(library, "{\"prompt\": \"first\"}").json().get("id").asString();

    assertProblem(
        ada.putJson(library + "/" + id, "{\"prompt\": \"" + "b".repeat(10_001) + "\"}"),
        400,
        "prompt");
    assertProblem(ada.putJson(library + "/" + id, "{\"tags\": [null]}"), 400, "tag");
    assertThat(ada.get(library + "/" + id + "/versions").json()).hasSize(1);
  }
}
