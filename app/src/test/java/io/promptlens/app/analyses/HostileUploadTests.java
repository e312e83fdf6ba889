package io.promptlens.app.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.vision.HostileInputs;
import io.promptlens.vision.HostileInputs.Expect;
import io.promptlens.vision.HostileInputs.Input;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hostile corpus through the anonymous upload endpoint: a 201 for real images, the right 4xx
 * problem for the rest, never a 5xx or a stack trace, nothing stored for a refusal, and the server
 * still answering afterwards.
 */
@AppIntegration
class HostileUploadTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Value("${promptlens.intake.max-bytes}")
  org.springframework.util.unit.DataSize maxBytes;

  static List<Input> corpus() {
    return HostileInputs.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachHostileUploadGetsTheRightCleanAnswer(Input input) {
    ApiClient client = new ApiClient(port);
    long storedBefore = stored();

    Response response = client.postImage("/api/v1/analyses", input.bytes());

    assertThat(response.status()).as(input + ": " + response.body()).isLessThan(500);
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "java.");
    boolean tooLarge = input.bytes().length > maxBytes.toBytes();
    if (tooLarge) {
      assertThat(response.status()).as(input.toString()).isEqualTo(413);
    } else if (input.expect() == Expect.DECODES) {
      assertThat(response.status()).as(input + ": " + response.body()).isEqualTo(201);
    } else if (input.expect() == Expect.REJECTED) {
      assertThat(response.status()).as(input + ": " + response.body()).isBetween(400, 499);
    }
    if (response.status() != 201) {
      assertThat(stored()).as("a refusal stores nothing").isEqualTo(storedBefore);
    }
    assertThat(client.get("/api/v1/targets").status()).as("still serving").isEqualTo(200);
  }

  private long stored() {
    return jdbc.sql("SELECT COUNT(*) FROM analyses").query(Long.class).single();
  }
}
