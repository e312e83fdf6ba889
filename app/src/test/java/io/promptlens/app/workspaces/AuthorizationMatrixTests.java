package io.promptlens.app.workspaces;

import static io.promptlens.app.support.ApiClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Problems;
import io.promptlens.app.support.Teams;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import io.promptlens.app.workspaces.RouteTable.Access;
import io.promptlens.app.workspaces.RouteTable.Row;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the app registers (read from Spring's handler mapping, API and pages alike) × every
 * kind of caller, against the expected-permission table {@link RouteTable}. A route without a row
 * fails the build. The callers: each role, a signed-in stranger, an anonymous visitor, the
 * workspace's {@code read} and {@code write} keys, another workspace's key, and the keys of an
 * admin who was later demoted to viewer or removed. And for every row that names a resource, the
 * same call with another workspace's resource id in the caller's own workspace URL: 404.
 */
@AppIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

  /** Who calls. Keys of the workspace are made by its owner, so they act as the owner would. */
  enum Who {
    OWNER(Role.OWNER),
    ADMIN(Role.ADMIN),
    MEMBER(Role.MEMBER),
    VIEWER(Role.VIEWER),
    STRANGER(null),
    ANONYMOUS(null),
    READ_KEY(Role.VIEWER),
    WRITE_KEY(Role.MEMBER),
    ANOTHER_WORKSPACES_KEY(null),
    /** A write key whose creator, an admin, was demoted to viewer: it acts as a viewer. */
    DEMOTED_CREATORS_KEY(Role.VIEWER),
    /** A write key whose creator, an admin, was removed from the workspace. */
    REMOVED_CREATORS_KEY(null);

    /** The role the caller acts with in the team workspace, or null when it is no member. */
    final Role acting;

    Who(Role acting) {
      this.acting = acting;
    }

    boolean key() {
      return name().endsWith("_KEY");
    }

    /** The fixture's resources are the owner's; the owner's keys act as the owner. */
    boolean author() {
      return this == OWNER || this == READ_KEY || this == WRITE_KEY;
    }
  }

  /** What a caller should get. */
  sealed interface Expected {
    /** The endpoint's own answer: the caller got through. */
    record Answer(int status) implements Expected {}

    /** 403: known, but not allowed. */
    record Forbidden() implements Expected {}

    /** 404 for the workspace itself: not a member, so it does not exist for the caller. */
    record NoWorkspace() implements Expected {}

    /** Not signed in: 401 from the API, a redirect to the sign-in page from a page. */
    record SignIn() implements Expected {}

    /** A key that is no longer valid: 401. */
    record BadKey() implements Expected {}
  }

  /** A workspace with one analysis, one generation, one shared library item and one preset. */
  record Fixture(
      String workspace, String analysis, String generation, String item, String preset) {}

  @LocalServerPort int port;
  @Autowired RequestMappingHandlerMapping handlerMapping;

  final Map<Who, UserSession> sessions = new EnumMap<>(Who.class);
  final Map<Who, Supplier<String>> keys = new EnumMap<>(Who.class);
  Fixture team;
  Fixture foreign;
  Fixture anonymous;

  @BeforeAll
  void teamWithEveryKindOfCaller() {
    UserSession owner = UserSession.verified(port, "Owner");
    sessions.put(Who.OWNER, owner);
    String workspace =
        owner.postJson("/api/v1/workspaces", "{\"name\": \"Matrix\"}").json().get("id").asString();
    for (Who who : new Who[] {Who.ADMIN, Who.MEMBER, Who.VIEWER}) {
      UserSession member = UserSession.verified(port, who.acting.wireName());
      Teams.join(owner, workspace, member, who.acting.wireName());
      sessions.put(who, member);
    }
    team = fixture(owner, workspace);
    UserSession stranger = UserSession.verified(port, "Stranger");
    sessions.put(Who.STRANGER, stranger);
    sessions.put(Who.ANONYMOUS, new UserSession(port));
    foreign = fixture(stranger, stranger.personalWorkspace());
    var generation = new ApiClient(port).postImage("/api/v1/prompts", TestImages.png(64, 48));
    anonymous =
        new Fixture(
            null,
            generation.json().get("analysisId").asString(),
            generation.json().get("id").asString(),
            null,
            null);

    keys.put(Who.READ_KEY, keyRing(() -> newKey(owner, workspace, "read")));
    keys.put(Who.WRITE_KEY, keyRing(() -> newKey(owner, workspace, "write")));
    keys.put(
        Who.ANOTHER_WORKSPACES_KEY, keyRing(() -> newKey(stranger, foreign.workspace(), "write")));
    UserSession demoted = UserSession.verified(port, "Demoted");
    Teams.join(owner, workspace, demoted, "viewer");
    keys.put(
        Who.DEMOTED_CREATORS_KEY,
        keyRing(
            () -> {
              setRole(owner, workspace, demoted, "admin");
              String key = newKey(demoted, workspace, "write");
              setRole(owner, workspace, demoted, "viewer");
              return key;
            }));
    UserSession removed = UserSession.verified(port, "Removed");
    Teams.join(owner, workspace, removed, "admin");
    String removedKey = newKey(removed, workspace, "write");
    owner.delete("/api/v1/workspaces/" + workspace + "/members/" + removed.userId());
    keys.put(Who.REMOVED_CREATORS_KEY, () -> removedKey);
  }

  @Test
  void everyRegisteredRouteHasARowInTheTable() {
    Set<String> registered = registeredRoutes();

    assertThat(difference(registered, RouteTable.BY_ROUTE.keySet()))
        .as("routes nobody has decided who may call: add a row to RouteTable")
        .isEmpty();
    assertThat(difference(RouteTable.BY_ROUTE.keySet(), registered))
        .as("rows for routes that no longer exist")
        .isEmpty();
  }

  static Stream<Arguments> everyRouteAndCaller() {
    return RouteTable.ROWS.stream()
        .flatMap(row -> Arrays.stream(Who.values()).map(who -> Arguments.of(row, who)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyRouteAndCaller")
  void aCallerGetsARouteOnlyAsTheTableSays(Row row, Who who) {
    Response response = call(who, row, team, row.access() == Access.PUBLIC ? anonymous : team);
    try {
      check(row, who, response, expected(row, who));
    } finally {
      if (row.endsMembership() && who.acting != null && !who.key() && response.status() < 400) {
        Teams.join(
            sessions.get(Who.OWNER), team.workspace(), sessions.get(who), who.acting.wireName());
      }
    }
  }

  static Stream<Arguments> rowsNamingAResource() {
    return RouteTable.ROWS.stream()
        .filter(Row::namesAResource)
        .flatMap(
            row ->
                (row.access() == Access.PUBLIC
                        ? Stream.of(Who.ANONYMOUS, Who.OWNER)
                        : Stream.of(Who.OWNER, row.page() ? Who.MEMBER : Who.WRITE_KEY))
                    .map(who -> Arguments.of(row, who)));
  }

  /**
   * A workspace's own URL with another workspace's resource in it; for the anonymous API, a
   * workspace's resource. Either is a 404 for the resource, never the other workspace's data.
   */
  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("rowsNamingAResource")
  void anotherWorkspacesResourceIsNotFound(Row row, Who who) {
    Response response = call(who, row, team, row.access() == Access.PUBLIC ? team : foreign);

    assertThat(response.status()).as(response.body()).isEqualTo(404);
    if (!row.page()) {
      Problems.assertProblem(response, 404, "No ");
      assertThat(response.json().get("detail").asString()).doesNotContain("No workspace");
    }
  }

  static Expected expected(Row row, Who who) {
    if (who.key() && row.page()) {
      // Pages take no keys: a key's request is an anonymous one, and without the page's CSRF
      // token every form post is refused before anything else.
      return row.method().equals("GET") ? expected(row, Who.ANONYMOUS) : new Expected.Forbidden();
    }
    if (who == Who.REMOVED_CREATORS_KEY) {
      return new Expected.BadKey();
    }
    return switch (row.access()) {
      case PUBLIC -> new Expected.Answer(row.allowed());
      case PERSON ->
          who == Who.ANONYMOUS
              ? new Expected.SignIn()
              : who.key() ? new Expected.Forbidden() : new Expected.Answer(row.allowed());
      case WORKSPACE -> {
        if (who == Who.ANONYMOUS) {
          yield new Expected.SignIn();
        }
        if (row.personOnly() && who.key()) {
          yield new Expected.Forbidden();
        }
        if (who.acting == null) {
          yield new Expected.NoWorkspace();
        }
        boolean permitted =
            who.acting.can(row.permission())
                && (!row.authorOrAdmin()
                    || who.author()
                    || who.acting.can(Permission.MANAGE_MEMBERS));
        yield permitted
            ? new Expected.Answer(row.allowedFor(who.key() ? null : who.acting))
            : new Expected.Forbidden();
      }
    };
  }

  private static void check(Row row, Who who, Response response, Expected expected) {
    String context =
        row
            + " as "
            + who
            + ": "
            + expected
            + " but got "
            + response.status()
            + ": "
            + response.body();
    if (expected instanceof Expected.Answer answer) {
      assertThat(response.status()).as(context).isEqualTo(answer.status());
      if (answer.status() == 404 && !row.page()) {
        assertThat(response.json().get("detail").asString()).doesNotContain("No workspace");
      }
    } else if (expected instanceof Expected.Forbidden) {
      assertThat(response.status()).as(context).isEqualTo(403);
      if (!row.page()) {
        Problems.assertProblem(response, 403, "");
      }
    } else if (expected instanceof Expected.NoWorkspace) {
      assertThat(response.status()).as(context).isEqualTo(404);
      if (!row.page()) {
        Problems.assertProblem(response, 404, "No workspace");
      }
    } else if (expected instanceof Expected.SignIn) {
      if (row.page()) {
        assertThat(response.status()).as(context).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/sign-in");
      } else {
        assertThat(response.status()).as(context).isEqualTo(401);
        Problems.assertProblem(response, 401, "");
      }
    } else {
      assertThat(response.status()).as(context).isEqualTo(401);
      Problems.assertProblem(response, 401, "revoked");
    }
  }

  /** "METHOD pattern", plus "[media type]" for a mapping that consumes one; "ANY" for all. */
  private Set<String> registeredRoutes() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
      Set<String> methods =
          info.getMethodsCondition().getMethods().stream()
              .map(Enum::name)
              .collect(Collectors.toSet());
      String consumes =
          info.getConsumesCondition().getConsumableMediaTypes().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      for (String pattern : info.getPatternValues()) {
        for (String method : methods.isEmpty() ? Set.of("ANY") : methods) {
          routes.add(method + " " + pattern + (consumes.isEmpty() ? "" : " [" + consumes + "]"));
        }
      }
    }
    return routes;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }

  private Response call(Who who, Row row, Fixture workspace, Fixture resources) {
    String path = fill(row.path(), workspace, resources);
    String content = row.content() == null ? "{}" : fill(row.content(), workspace, resources);
    if (!who.key()) {
      UserSession session = sessions.get(who);
      return switch (row.body()) {
        case NONE ->
            switch (row.method()) {
              case "GET" -> row.page() ? session.getPage(path) : session.get(path);
              case "DELETE" -> session.delete(path);
              default -> throw new IllegalArgumentException(row.method());
            };
        case JSON ->
            row.method().equals("PUT")
                ? session.putJson(path, content)
                : session.postJson(path, content);
        case FORM -> session.postForm(path, form(content));
        case IMAGE ->
            session.postImage(
                path,
                TestImages.png(64, 48),
                fields(),
                row.page() ? "text/html" : "application/json");
      };
    }
    ApiClient client = new ApiClient(port).withKey(keys.get(who).get());
    return switch (row.body()) {
      case NONE ->
          switch (row.method()) {
            case "GET" -> client.get(path);
            case "DELETE" -> client.delete(path);
            default -> throw new IllegalArgumentException(row.method());
          };
      case JSON ->
          row.method().equals("PUT")
              ? client.putJson(path, content)
              : client.postJson(path, content);
      case FORM ->
          client.post(
              path,
              "application/x-www-form-urlencoded",
              form(content).entrySet().stream()
                  .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                  .collect(Collectors.joining("&"))
                  .getBytes(StandardCharsets.UTF_8));
      case IMAGE -> client.postImage(path, TestImages.png(64, 48));
    };
  }

  private static Map<String, String> form(String content) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : content.split("&")) {
      if (!pair.isEmpty() && !pair.equals("{}")) {
        int equals = pair.indexOf('=');
        form.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return form;
  }

  private static String fill(String template, Fixture workspace, Fixture resources) {
    String filled = template.replace("{random}", UUID.randomUUID().toString());
    for (var value :
        Map.of(
                "{ws}", String.valueOf(workspace.workspace()),
                "{gen}", String.valueOf(resources.generation()),
                "{analysis}", String.valueOf(resources.analysis()),
                "{item}", String.valueOf(resources.item()),
                "{preset}", String.valueOf(resources.preset()))
            .entrySet()) {
      filled = filled.replace(value.getKey(), value.getValue());
    }
    return filled;
  }

  private Fixture fixture(UserSession owner, String workspace) {
    var generation =
        owner
            .postImage(
                "/api/v1/workspaces/" + workspace + "/prompts", TestImages.png(64, 48), fields())
            .json();
    String library = "/api/v1/workspaces/" + workspace + "/library";
    String item =
        owner
            .postJson(library, "{\"generationId\": \"" + generation.get("id").asString() + "\"}")
            .json()
            .get("id")
            .asString();
    owner.postJson(library + "/" + item + "/share", "{}");
    String preset =
        owner
            .postJson(
                "/api/v1/workspaces/" + workspace + "/presets",
                "{\"name\": \"Brand\", \"style\": {\"palette\": [{\"hex\": \"#1F4EA8\"}]}}")
            .json()
            .get("id")
            .asString();
    return new Fixture(
        workspace,
        generation.get("analysisId").asString(),
        generation.get("id").asString(),
        item,
        preset);
  }

  private static String newKey(UserSession creator, String workspace, String scope) {
    return creator.createKey(workspace, "matrix", scope).get("key").asString();
  }

  private static void setRole(
      UserSession owner, String workspace, UserSession member, String role) {
    Response changed =
        owner.putJson(
            "/api/v1/workspaces/" + workspace + "/members/" + member.userId(),
            "{\"role\": \"" + role + "\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
  }

  /**
   * A fresh key every 25 uses: each key may make only so many requests a minute (30 in the test
   * profile), and the matrix makes more than that with each kind.
   */
  private static Supplier<String> keyRing(Supplier<String> mint) {
    return new Supplier<>() {
      private String current;
      private int uses;

      @Override
      public synchronized String get() {
        if (current == null || ++uses > 25) {
          current = mint.get();
          uses = 1;
        }
        return current;
      }
    };
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
