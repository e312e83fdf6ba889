package io.promptlens.app.workspaces;

import static io.promptlens.app.support.ApiClient.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient.Response;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Problems;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every workspace endpoint × every role, plus a caller from another workspace: a role with the
 * permission gets the endpoint's own answer, a role without it 403, a stranger 404 (the workspace
 * might as well not exist). And a member who puts another workspace's resource id into their own
 * workspace's URL gets 404 too.
 */
@AppIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

  /** One endpoint: its call, the permission it needs, and what a permitted caller gets. */
  enum Endpoint {
    GET_WORKSPACE(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}", null),
    LIST_MEMBERS(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/members", null),
    HISTORY(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/generations", null),
    GET_GENERATION(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/generations/{gen}", null),
    GET_ANALYSIS(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/analyses/{analysis}", null),
    // The fixture's workspace keeps no thumbnails, so a permitted call finds none (404).
    GET_THUMBNAIL(
        Permission.VIEW, 404, "GET", "/api/v1/workspaces/{ws}/generations/{gen}/thumbnail", null),
    GET_SETTINGS(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/settings", null),
    CHANGE_SETTINGS(
        Permission.MANAGE_SETTINGS,
        200,
        "PUT",
        "/api/v1/workspaces/{ws}/settings",
        "{\"safetyAction\": \"warn\", \"thumbnails\": false}"),
    ANALYSE(Permission.CREATE, 201, "UPLOAD", "/api/v1/workspaces/{ws}/analyses", null),
    GENERATE_FROM_UPLOAD(Permission.CREATE, 201, "UPLOAD", "/api/v1/workspaces/{ws}/prompts", null),
    GENERATE_FROM_ANALYSIS(
        Permission.CREATE,
        201,
        "POST",
        "/api/v1/workspaces/{ws}/prompts",
        "{\"analysisId\": \"{analysis}\", \"target\": \"flux\"}"),
    RETARGET(
        Permission.CREATE,
        201,
        "POST",
        "/api/v1/workspaces/{ws}/generations/{gen}/retarget",
        "{\"target\": \"sdxl\"}"),
    INVITE(
        Permission.MANAGE_MEMBERS,
        201,
        "POST",
        "/api/v1/workspaces/{ws}/invitations",
        "{\"email\": \"{random}@example.com\", \"role\": \"viewer\"}"),
    LIST_INVITATIONS(
        Permission.MANAGE_MEMBERS, 200, "GET", "/api/v1/workspaces/{ws}/invitations", null),
    // The three below name a user or invitation that does not exist, so a permitted call changes
    // nothing and answers 404 for the member/invitation (not for the workspace).
    REVOKE_INVITATION(
        Permission.MANAGE_MEMBERS,
        404,
        "DELETE",
        "/api/v1/workspaces/{ws}/invitations/{random}",
        null),
    CHANGE_ROLE(
        Permission.MANAGE_MEMBERS,
        404,
        "PUT",
        "/api/v1/workspaces/{ws}/members/{random}",
        "{\"role\": \"member\"}"),
    REMOVE_MEMBER(
        Permission.MANAGE_MEMBERS, 404, "DELETE", "/api/v1/workspaces/{ws}/members/{random}", null),
    TRANSFER(
        Permission.TRANSFER_OWNERSHIP,
        404,
        "POST",
        "/api/v1/workspaces/{ws}/transfer",
        "{\"userId\": \"{random}\"}"),
    CREATE_API_KEY(
        Permission.MANAGE_KEYS,
        201,
        "POST",
        "/api/v1/workspaces/{ws}/api-keys",
        "{\"name\": \"matrix\", \"scope\": \"read\"}"),
    LIST_API_KEYS(Permission.MANAGE_KEYS, 200, "GET", "/api/v1/workspaces/{ws}/api-keys", null),
    REVOKE_API_KEY(
        Permission.MANAGE_KEYS, 404, "DELETE", "/api/v1/workspaces/{ws}/api-keys/{random}", null),
    SAVE_TO_LIBRARY(
        Permission.CREATE,
        201,
        "POST",
        "/api/v1/workspaces/{ws}/library",
        "{\"generationId\": \"{gen}\", \"tags\": [\"matrix\"]}"),
    LIST_LIBRARY(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/library", null),
    GET_LIBRARY_ITEM(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/library/{item}", null),
    LIBRARY_VERSIONS(
        Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/library/{item}/versions", null),
    EXPORT_LIBRARY_ITEM(
        Permission.VIEW,
        200,
        "GET",
        "/api/v1/workspaces/{ws}/library/{item}/export?format=json",
        null),
    FAVOURITE(
        Permission.VIEW, 200, "PUT", "/api/v1/workspaces/{ws}/library/{item}/favourite", null),
    EDIT_LIBRARY_ITEM(
        Permission.CREATE,
        200,
        "PUT",
        "/api/v1/workspaces/{ws}/library/{item}",
        "{\"note\": \"matrix edit\", \"tags\": [\"matrix\"]}"),
    CREATE_COLLECTION(
        Permission.CREATE,
        201,
        "POST",
        "/api/v1/workspaces/{ws}/collections",
        "{\"name\": \"Matrix\"}"),
    LIST_COLLECTIONS(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/collections", null),
    // The three below name a collection or item that does not exist (deleting the fixture's would
    // change it for the other rows): a permitted call answers 404 for it, not for the workspace.
    RENAME_COLLECTION(
        Permission.CREATE,
        404,
        "PUT",
        "/api/v1/workspaces/{ws}/collections/{random}",
        "{\"name\": \"Renamed\"}"),
    DELETE_COLLECTION(
        Permission.CREATE, 404, "DELETE", "/api/v1/workspaces/{ws}/collections/{random}", null),
    DELETE_LIBRARY_ITEM(
        Permission.CREATE, 404, "DELETE", "/api/v1/workspaces/{ws}/library/{random}", null),
    CREATE_PRESET(
        Permission.CREATE,
        201,
        "POST",
        "/api/v1/workspaces/{ws}/presets",
        "{\"name\": \"Matrix\", \"style\": {\"palette\": [{\"hex\": \"#D93A2B\"}]}}"),
    PRESET_FROM_ANALYSIS(
        Permission.CREATE,
        201,
        "POST",
        "/api/v1/workspaces/{ws}/presets",
        "{\"name\": \"Matrix\", \"analysisId\": \"{analysis}\"}"),
    LIST_PRESETS(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/presets", null),
    GET_PRESET(Permission.VIEW, 200, "GET", "/api/v1/workspaces/{ws}/presets/{preset}", null),
    UPDATE_PRESET(
        Permission.CREATE,
        200,
        "PUT",
        "/api/v1/workspaces/{ws}/presets/{preset}",
        "{\"name\": \"Matrix 2\"}"),
    APPLY_PRESET(
        Permission.VIEW,
        200,
        "POST",
        "/api/v1/workspaces/{ws}/presets/{preset}/apply",
        "{\"subject\": \"a fox\"}"),
    CHECK_STYLE(
        Permission.VIEW,
        200,
        "POST",
        "/api/v1/workspaces/{ws}/presets/{preset}/check",
        "{\"analysisId\": \"{analysis}\"}");

    final Permission permission;
    final int allowed;
    final String method;
    final String path;
    final String body;

    Endpoint(Permission permission, int allowed, String method, String path, String body) {
      this.permission = permission;
      this.allowed = allowed;
      this.method = method;
      this.path = path;
      this.body = body;
    }
  }

  @LocalServerPort int port;
  final Map<Role, UserSession> members = new EnumMap<>(Role.class);
  UserSession stranger;
  Fixture team;
  Fixture foreign;

  /** A workspace with one analysis, one generation and one shared library item in it. */
  record Fixture(
      String workspace, String analysis, String generation, String item, String preset) {}

  @BeforeAll
  void teamWithOneMemberPerRole() {
    UserSession owner = UserSession.verified(port, "Owner");
    members.put(Role.OWNER, owner);
    String workspace =
        owner.postJson("/api/v1/workspaces", "{\"name\": \"Matrix\"}").json().get("id").asString();
    for (Role role : Arrays.asList(Role.ADMIN, Role.MEMBER, Role.VIEWER)) {
      UserSession member = UserSession.verified(port, role.wireName());
      WorkspaceTests.join(owner, workspace, member, role.wireName());
      members.put(role, member);
    }
    team = fixture(owner, workspace);
    stranger = UserSession.verified(port, "Stranger");
    foreign = fixture(stranger, stranger.personalWorkspace());
  }

  static Stream<Arguments> everyEndpointAndRole() {
    return Arrays.stream(Endpoint.values())
        .flatMap(e -> Arrays.stream(Role.values()).map(r -> Arguments.of(e, r)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("everyEndpointAndRole")
  void aRoleGetsTheEndpointOnlyWithThePermission(Endpoint endpoint, Role role) {
    Response response = call(members.get(role), endpoint, team, team);

    if (role.can(endpoint.permission)) {
      assertThat(response.status()).as(response.body()).isEqualTo(endpoint.allowed);
      if (endpoint.allowed == 404) {
        assertThat(response.json().get("detail").asString()).doesNotContain("No workspace");
      }
    } else {
      Problems.assertProblem(response, 403, "does not allow");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aStrangerGets404ForEveryEndpoint(Endpoint endpoint) {
    Problems.assertProblem(call(stranger, endpoint, team, team), 404, "No workspace");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpointsWithAResource")
  void anotherWorkspacesResourceIs404EvenForTheOwner(Endpoint endpoint) {
    Response response = call(members.get(Role.OWNER), endpoint, team, foreign);

    Problems.assertProblem(response, 404, "No ");
    assertThat(response.json().get("detail").asString()).doesNotContain("No workspace");
  }

  static Stream<Endpoint> endpoints() {
    return Arrays.stream(Endpoint.values());
  }

  static Stream<Endpoint> endpointsWithAResource() {
    return endpoints().filter(e -> (e.path + e.body).matches(".*\\{(gen|analysis|item|preset)}.*"));
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

  private static Response call(
      UserSession caller, Endpoint endpoint, Fixture workspace, Fixture resources) {
    String path = fill(endpoint.path, workspace, resources);
    String body = endpoint.body == null ? "{}" : fill(endpoint.body, workspace, resources);
    return switch (endpoint.method) {
      case "GET" -> caller.get(path);
      case "POST" -> caller.postJson(path, body);
      case "PUT" -> caller.putJson(path, body);
      case "DELETE" -> caller.delete(path);
      case "UPLOAD" -> caller.postImage(path, TestImages.png(64, 48), fields());
      default -> throw new IllegalArgumentException(endpoint.method);
    };
  }

  private static String fill(String template, Fixture workspace, Fixture resources) {
    return template
        .replace("{ws}", workspace.workspace())
        .replace("{gen}", resources.generation())
        .replace("{analysis}", resources.analysis())
        .replace("{item}", resources.item())
        .replace("{preset}", resources.preset())
        .replace("{random}", UUID.randomUUID().toString());
  }
}
