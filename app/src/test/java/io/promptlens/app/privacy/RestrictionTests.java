package io.promptlens.app.privacy;

import static io.promptlens.app.support.ApiClient.fields;
import static io.promptlens.app.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import io.promptlens.app.system.Processing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The right to restriction: every endpoint marked {@link Processing}, found in Spring's handler
 * mapping (so endpoints added later join by carrying the annotation), refuses a restricted person
 * and their API keys with 403 and writes nothing (no analysis, no generation, no ledger row: no
 * table but the logs changes).
 */
@AppIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictionTests {

  /** One processing route: method, path pattern and the media type it consumes ("" for none). */
  record Route(String method, String pattern, String consumes) {
    @Override
    public String toString() {
      return method + " " + pattern + (consumes.isEmpty() ? "" : " [" + consumes + "]");
    }
  }

  /** Tables that record requests, not processing: they may change during a refused call. */
  private static final Set<String> LOGS =
      Set.of(
          "connection_logs",
          "spring_session",
          "spring_session_attributes",
          "idempotency_records",
          "export_downloads",
          "api_rate_windows",
          "anonymous_rate_windows",
          "sign_in_attempts",
          "account_tokens",
          "persistent_logins");

  @LocalServerPort int port;
  @Autowired RequestMappingHandlerMapping handlerMapping;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  UserSession person;
  String workspace;
  String analysis;
  String generation;
  String preset;
  String key;

  @BeforeAll
  void aRestrictedPersonWithSomethingToProcess() {
    person = People.signedUp(port, People.ip());
    workspace = person.personalWorkspace();
    var made =
        person
            .postImage(
                "/api/v1/workspaces/" + workspace + "/prompts", TestImages.png(64, 48), fields())
            .json();
    generation = made.get("id").asString();
    analysis = made.get("analysisId").asString();
    preset =
        person
            .postJson(
                "/api/v1/workspaces/" + workspace + "/presets",
                "{\"name\": \"Brand\", \"style\": {\"palette\": [{\"hex\": \"#1F4EA8\"}]}}")
            .json()
            .get("id")
            .asString();
    key =
        person
            .postJson(
                "/api/v1/workspaces/" + workspace + "/api-keys",
                "{\"name\": \"ci\", \"scope\": \"write\"}")
            .json()
            .get("key")
            .asString();
    assertThat(restrict(person, true).status()).isEqualTo(200);
  }

  Stream<Route> processingRoutes() {
    List<Route> routes = new ArrayList<>();
    handlerMapping
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              if (method.hasMethodAnnotation(Processing.class)) {
                routes.addAll(routes(info));
              }
            });
    assertThat(routes).as("the processing endpoints").hasSizeGreaterThanOrEqualTo(12);
    return routes.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processingRoutes")
  void aRestrictedPersonIsRefusedAndNothingIsWritten(Route route) {
    Map<String, Long> before = counts();

    ApiClient.Response refused = call(person, route);

    assertProblem(refused, 403, "restricted");
    assertThat(refused.json().get("restricted").asBoolean()).isTrue();
    assertThat(counts()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processingRoutes")
  void theirApiKeysAreRefusedToo(Route route) {
    if (!route.pattern().startsWith("/api/v1/workspaces/")) {
      return; // the anonymous API and the pages take no key
    }
    Map<String, Long> before = counts();
    ApiClient client = People.key(port, key, "203.0.113.1");
    String path = path(route);

    ApiClient.Response refused =
        route.consumes().contains("multipart")
            ? client.postImage(path, TestImages.png(32, 32))
            : client.postJson(path, body());

    assertProblem(refused, 403, "restricted");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void everyImageUploadRouteIsAProcessingRoute() {
    handlerMapping
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              boolean upload =
                  info.getConsumesCondition().getConsumableMediaTypes().stream()
                      .anyMatch(type -> type.toString().startsWith("multipart/"));
              if (upload) {
                assertThat(method.hasMethodAnnotation(Processing.class))
                    .as(info + " takes an image: mark it @Processing")
                    .isTrue();
              }
            });
  }

  @Test
  void liftingTheRestrictionLetsProcessingRunAgain() {
    UserSession other = People.signedUp(port, People.ip());
    String own = other.personalWorkspace();
    restrict(other, true);
    assertThat(
            other
                .postImage(
                    "/api/v1/workspaces/" + own + "/prompts", TestImages.png(32, 32), fields())
                .status())
        .isEqualTo(403);

    restrict(other, false);

    assertThat(
            other
                .postImage(
                    "/api/v1/workspaces/" + own + "/prompts", TestImages.png(32, 32), fields())
                .status())
        .isEqualTo(201);
    assertThat(other.get("/api/v1/me/connection-logs").body())
        .contains("restriction-set")
        .contains("restriction-lifted");
  }

  @Test
  void aRestrictedAccountKeepsItsDataAndCanStillReadAndExportIt() {
    assertThat(
            person.get("/api/v1/workspaces/" + workspace + "/generations/" + generation).status())
        .isEqualTo(200);
    assertThat(person.getBytes("/api/v1/me/export").statusCode()).isEqualTo(200);
  }

  static ApiClient.Response restrict(UserSession session, boolean restricted) {
    return session.putJson("/api/v1/me/restriction", "{\"restricted\": " + restricted + "}");
  }

  private ApiClient.Response call(UserSession session, Route route) {
    String path = path(route);
    if (route.consumes().contains("multipart")) {
      return session.postImage(path, TestImages.png(32, 32), fields());
    }
    if (route.consumes().contains("json")) {
      return session.postJson(path, body());
    }
    return session.postForm(path, Map.of("subject", "a fox", "target", "flux"));
  }

  private String body() {
    return "{\"analysisId\": \"" + analysis + "\", \"target\": \"flux\", \"subject\": \"a fox\"}";
  }

  private String path(Route route) {
    String path = route.pattern().replace("{workspaceId}", workspace);
    if (path.contains("/generations/{id}")) {
      path = path.replace("{id}", generation);
    }
    return path.replace("{id}", preset);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    LiveSchema schema = LiveSchema.read(dataSource);
    for (String table : schema.tables()) {
      if (!LOGS.contains(table)) {
        counts.put(
            table,
            jdbc.sql("SELECT COUNT(*) FROM " + schema.sql(table)).query(Long.class).single());
      }
    }
    return counts;
  }

  private static List<Route> routes(RequestMappingInfo info) {
    List<Route> routes = new ArrayList<>();
    String consumes =
        info.getConsumesCondition().getConsumableMediaTypes().stream()
            .map(Object::toString)
            .findFirst()
            .orElse("");
    for (String pattern : info.getPatternValues()) {
      for (var method : info.getMethodsCondition().getMethods()) {
        routes.add(new Route(method.name(), pattern, consumes));
      }
    }
    return routes;
  }
}
