package io.promptlens.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.UserSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * An export over {@code promptlens.privacy.export-inline-rows} (here 10 rows, so any real account
 * is "large") is built in the background and mailed as a link, never answered inline.
 */
@AppIntegration
@TestPropertySource(properties = "promptlens.privacy.export-inline-rows=10")
class LargeExportTests {

  @LocalServerPort int port;

  @Test
  void aLargeExportIsBuiltInTheBackgroundAndMailedAsALink() {
    Footprint footprint = Footprint.of(port);
    UserSession person = footprint.person();

    var answer = person.get("/api/v1/me/export");

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.json().get("delivery").asString()).isEqualTo("mail");
    String link =
        ExportTests.waitForMail(person.email(), "export is ready").link("/account/exports/");
    var download = person.getBytes(link.substring(link.indexOf("/account/exports/")));
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(People.unzip(download.body()).get("generations.json")).contains("\"prompt\"");
  }
}
