package io.promptlens.app.generations;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Problems;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page's result as the server renders it for htmx ({@link WorkbenchPageController}),
 * posted the way the page's form posts it: multipart, the CSRF token in a header, no {@code Accept:
 * text/html}.
 */
@AppIntegration
class WorkbenchPageTests {

  /** What htmx's XMLHttpRequest accepts: anything. */
  static final String HTMX_ACCEPT = "*/*";

  /** The page's form with every checkbox ticked as it is on a fresh page. */
  static final Map<String, String> FRESH_FORM =
      ApiClient.fields(
          "target", "sdxl",
          "mode", "full",
          "detail", "medium",
          "variations", "1",
          "negativePrompt", "true",
          "cameraTerms", "true");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void anUploadIsAnsweredWithTheRenderedPromptItsAnswerAndItsAnalysisIdForTheNextRequest() {
    Response page = upload(new UserSession(port), FRESH_FORM);

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    JsonNode answer = answer(page);
    assertThat(answer.get("target").asString()).isEqualTo("sdxl");
    assertThat(page.body())
        .contains(">" + HtmlUtils.htmlEscape(answer.get("prompt").asString()) + "</pre>")
        .contains(
            "id=\"negative-output\"", HtmlUtils.htmlEscape(answer.get("negativePrompt").asString()))
        .contains("id=\"copy-button\"", "class=\"swatch\"", "id=\"overlay-caption\"")
        .containsPattern(
            "id=\"analysis-id\"[^>]*hx-swap-oob=\"true\"[^>]*value=\""
                + answer.get("analysisId").asString()
                + "\"");
  }

  @Test
  void theResultHasNoStyleAttributeSinceThePolicyAllowsNone() {
    Response page = upload(new UserSession(port), FRESH_FORM);

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).doesNotContain(" style=").contains("data-left=");
  }

  @Test
  void withAnAnalysisIdTheSameAnalysisIsWrittenForAnotherTargetWithoutANewOne() {
    UserSession anonymous = new UserSession(port);
    JsonNode first = answer(upload(anonymous, FRESH_FORM));
    long analyses = analyses();

    Response again =
        anonymous.postFiles(
            "/workbench",
            "image",
            Map.of(),
            ApiClient.fields(
                "analysisId", first.get("analysisId").asString(),
                "target", "flux",
                "mode", "full"),
            HTMX_ACCEPT);

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    JsonNode second = answer(again);
    assertThat(second.get("target").asString()).isEqualTo("flux");
    assertThat(second.get("analysisId").asString()).isEqualTo(first.get("analysisId").asString());
    assertThat(analyses()).as("no new analysis").isEqualTo(analyses);
  }

  @Test
  void anUntickedCheckboxWhichTheBrowserLeavesOutMeansOff() {
    Map<String, String> noNegative = new java.util.LinkedHashMap<>(FRESH_FORM);
    noNegative.remove("negativePrompt");

    Response page = upload(new UserSession(port), noNegative);

    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(answer(page).get("negativePrompt").isNull()).isTrue();
    assertThat(page.body()).doesNotContain("id=\"negative-output\"", "id=\"copy-negative-button\"");
  }

  @Test
  void aFileThatIsNotAnImageIsRefusedAsTheApiRefusesIt() {
    Response refused =
        new UserSession(port)
            .postFiles(
                "/workbench",
                "image",
                Map.of("notes.txt", TestImages.text()),
                FRESH_FORM,
                HTMX_ACCEPT);

    Problems.assertProblem(refused, 415, "");
  }

  private Response upload(UserSession session, Map<String, String> fields) {
    return session.postImage("/workbench", TestImages.png(640, 360), fields, HTMX_ACCEPT);
  }

  /** The API's JSON answer the fragment carries for "Download .json". */
  private static JsonNode answer(Response page) {
    Matcher answer = Pattern.compile("data-answer=\"([^\"]*)\"").matcher(page.body());
    assertThat(answer.find()).as("the answer in %s", page.body()).isTrue();
    return JsonMapper.builder().build().readTree(HtmlUtils.htmlUnescape(answer.group(1)));
  }

  private long analyses() {
    return jdbc.sql("SELECT COUNT(*) FROM analyses").query(Long.class).single();
  }
}
