package io.promptlens.app.support;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error response must look like: RFC 9457 JSON that reveals nothing internal. */
public final class Problems {

  private Problems() {}

  public static void assertProblem(ApiClient.Response response, int status, String detailPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("detail").asString()).containsIgnoringCase(detailPart);
    assertRevealsNothing(response.body());
  }

  public static void assertRevealsNothing(String body) {
    assertThat(body)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("java.")
        .doesNotContain("org.springframework")
        .doesNotContain("io.promptlens")
        .doesNotContain("\"trace\"");
  }
}
