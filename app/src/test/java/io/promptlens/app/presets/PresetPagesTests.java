package io.promptlens.app.presets;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.UserSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The style and API key pages, as served. */
@AppIntegration
class PresetPagesTests {

  @LocalServerPort int port;

  @Test
  void aStyleMadeOnThePageShowsItsSwatchesAndWritesAPromptForASubject() {
    UserSession ada = UserSession.verified(port, "Ada");
    String pages = "/workspaces/" + ada.personalWorkspace() + "/presets";

    Response created =
        ada.postForm(
            pages,
            Map.of(
                "name", "Spring",
                "palette", "#d93a2b, #1F4EA8",
                "lightKey", "high",
                "avoid", "neon"));
    String page = created.header("Location");
    Response shown = ada.getPage(page);
    Response applied =
        ada.postForm(
            page + "/apply",
            Map.of("subject", "a cyclist on a bridge", "target", "flux", "mode", "style"));

    assertThat(created.status()).isEqualTo(302);
    assertThat(shown.body()).contains("fill=\"#D93A2B\"").contains("#1F4EA8 · 50%");
    assertThat(applied.status()).isEqualTo(200);
    assertThat(applied.body()).contains("id=\"applied\"").contains("a cyclist on a bridge");
    assertThat(ada.getPage(pages).body()).contains("Spring");
  }

  @Test
  void aNewApiKeyIsShownOnceOnTheKeysPage() {
    UserSession ada = UserSession.verified(port, "Ada");
    String pages = "/workspaces/" + ada.personalWorkspace() + "/api-keys";

    Response created = ada.postForm(pages, Map.of("name", "CI", "scope", "read"));

    assertThat(created.body()).containsPattern("id=\"new-key\"[^>]*>pl_");
    assertThat(ada.getPage(pages).body()).contains("CI").doesNotContain("id=\"new-key\"");
  }
}
