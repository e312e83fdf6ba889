package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestImages;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health and metrics live on the management port, not the public one. */
@AppIntegration
class OperationsTests {

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @Test
  void livenessAndReadinessAnswerOnTheManagementPort() {
    ApiClient management = new ApiClient(managementPort);

    assertThat(management.get("/actuator/health/liveness").body()).contains("\"UP\"");
    assertThat(management.get("/actuator/health/readiness").body()).contains("\"UP\"");
  }

  @Test
  void thePublicPortServesNoActuator() {
    assertThat(managementPort).isNotEqualTo(port);
    assertThat(new ApiClient(port).get("/actuator/health").status()).isIn(401, 404);
  }

  @Test
  void analysisMetricsAreExportedForPrometheus() {
    Response analysed = new ApiClient(port).postImage("/api/v1/analyses", TestImages.png(64, 48));
    assertThat(analysed.status()).as(analysed.body()).isEqualTo(201);

    String metrics =
        new ApiClient(managementPort)
            .with("Accept", "text/plain")
            .get("/actuator/prometheus")
            .body();

    assertThat(metrics)
        .contains("promptlens_analyses_running", "promptlens_analyses_waiting")
        .contains("promptlens_analysis_seconds_count")
        .contains("http_server_requests_seconds");
  }
}
