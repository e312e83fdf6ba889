package io.promptlens.app.workspaces;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The expected-permission table: one row per route the app registers, saying who may call it and
 * what a permitted caller gets. {@link AuthorizationMatrixTests} fails when the app registers a
 * route that has no row here, so a new endpoint cannot ship without someone deciding who may call
 * it.
 *
 * <p>A call's path and body use placeholders filled per caller: {@code {ws}} the workspace, {@code
 * {gen}}, {@code {analysis}}, {@code {item}}, {@code {preset}} resources in it, {@code {random}} a
 * fresh UUID (for ids that must not exist: a permitted call then answers 404 for the resource, and
 * nothing of the shared fixture is changed or deleted).
 */
final class RouteTable {

  private RouteTable() {}

  /** Who may call a route at all. */
  enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Any signed-in person; it names no workspace. */
    PERSON,
    /** A member of the workspace in the path whose role has the row's permission. */
    WORKSPACE
  }

  enum Body {
    NONE,
    JSON,
    /** A browser form (URL-encoded, with the page's CSRF token). */
    FORM,
    /** A multipart upload of a small PNG named "image". */
    IMAGE
  }

  /**
   * One route and its expectation.
   *
   * @param route as registered: method, path pattern and, where the mapping has one, the consumed
   *     media type in brackets
   * @param permission for {@link Access#WORKSPACE} rows
   * @param allowed the status a permitted caller gets
   * @param ownerAllowed the owner's status when it differs (the owner cannot leave: 409)
   * @param authorOrAdmin the permission is not enough: the caller must also be the resource's
   *     author (the fixture's items are the owner's) or hold MANAGE_MEMBERS
   * @param personOnly API keys are refused (403) before anything else: it acts for a person
   * @param endsMembership a permitted call removes the caller from the workspace (leave)
   */
  record Row(
      String route,
      Access access,
      @Nullable Permission permission,
      String method,
      String path,
      Body body,
      @Nullable String content,
      int allowed,
      @Nullable Integer ownerAllowed,
      boolean authorOrAdmin,
      boolean personOnly,
      boolean endsMembership) {

    boolean page() {
      return !path.startsWith("/api/");
    }

    /** Whether the call names a resource of the fixture (not a random, missing one). */
    boolean namesAResource() {
      return (path + content).matches("(?s).*\\{(gen|analysis|item|preset)}.*");
    }

    int allowedFor(@Nullable Role role) {
      return role == Role.OWNER && ownerAllowed != null ? ownerAllowed : allowed;
    }

    Row ownerGets(int status) {
      return withRules(status, authorOrAdmin, personOnly, endsMembership);
    }

    Row onlyForAuthorOrAdmin() {
      return withRules(ownerAllowed, true, personOnly, endsMembership);
    }

    Row notForKeys() {
      return withRules(ownerAllowed, authorOrAdmin, true, endsMembership);
    }

    Row endingMembership() {
      return withRules(ownerAllowed, authorOrAdmin, personOnly, true);
    }

    /** The same route and call with other special rules (the last four components). */
    private Row withRules(
        @Nullable Integer ownerAllowed,
        boolean authorOrAdmin,
        boolean personOnly,
        boolean endsMembership) {
      return new Row(
          route,
          access,
          permission,
          method,
          path,
          body,
          content,
          allowed,
          ownerAllowed,
          authorOrAdmin,
          personOnly,
          endsMembership);
    }

    @Override
    public String toString() {
      return route;
    }
  }

  /** {@code call} is "METHOD path", the path as sent (placeholders and query string included). */
  private static Row row(
      String route,
      Access access,
      @Nullable Permission permission,
      String call,
      Body body,
      @Nullable String content,
      int allowed) {
    int space = call.indexOf(' ');
    return new Row(
        route,
        access,
        permission,
        call.substring(0, space),
        call.substring(space + 1),
        body,
        content,
        allowed,
        null,
        false,
        false,
        false);
  }

  private static Row open(String route, int allowed) {
    return row(route, Access.PUBLIC, null, route, Body.NONE, null, allowed);
  }

  private static Row open(String route, String call, Body body, String content, int allowed) {
    return row(route, Access.PUBLIC, null, call, body, content, allowed);
  }

  private static Row person(String route, String call, Body body, String content, int allowed) {
    return row(route, Access.PERSON, null, call, body, content, allowed);
  }

  private static Row ws(Permission permission, String route, String call, int allowed) {
    return row(route, Access.WORKSPACE, permission, call, Body.NONE, null, allowed);
  }

  private static Row ws(
      Permission permission, String route, String call, Body body, String content, int allowed) {
    return row(route, Access.WORKSPACE, permission, call, body, content, allowed);
  }

  private static final Permission VIEW = Permission.VIEW;
  private static final Permission CREATE = Permission.CREATE;
  private static final Permission MEMBERS = Permission.MANAGE_MEMBERS;
  private static final Permission KEYS = Permission.MANAGE_KEYS;
  private static final Permission SETTINGS = Permission.MANAGE_SETTINGS;
  private static final Permission TRANSFER = Permission.TRANSFER_OWNERSHIP;
  private static final String JSON = "[application/json]";
  private static final String MULTIPART = "[multipart/form-data]";
  private static final String API_WS = "/api/v1/workspaces/{workspaceId}";
  private static final String PAGE_WS = "/workspaces/{workspaceId}";

  static final List<Row> ROWS =
      List.of(
          // --- public pages and Spring's own -------------------------------------------------
          open("GET /", 200),
          open("GET /sign-up", 200),
          open(
              "POST /sign-up",
              "POST /sign-up",
              Body.FORM,
              "firstName=Route&lastName=Table&email=route-{random}@example.com"
                  + "&password=correct horse battery",
              302),
          open("GET /check-email", 200),
          // A wrong or used link is a page that says so, for anyone.
          open("GET /verify", "GET /verify?token={random}", Body.NONE, null, 200),
          open("GET /sign-in", 200),
          open("GET /forgot-password", 200),
          open(
              "POST /forgot-password",
              "POST /forgot-password",
              Body.FORM,
              "email=nobody-{random}@example.com",
              302),
          open("GET /reset-password", "GET /reset-password?token={random}", Body.NONE, null, 200),
          open(
              "POST /reset-password",
              "POST /reset-password",
              Body.FORM,
              "token={random}&password=correct horse battery",
              200),
          open("GET /invitations/{token}", "GET /invitations/{random}", Body.NONE, null, 200),
          // Anonymous: sent to sign in; signed in with a wrong token: 409 like the API.
          person("POST /invitations/{token}", "POST /invitations/{random}", Body.FORM, "", 409),
          // Spring Boot's error page, normally reached by an internal forward: on its own it has
          // no error to show.
          open("ANY /error", "GET /error", Body.NONE, null, 500),
          open("GET /api/docs", 200),
          open("GET /api/docs/swagger-config", 200),
          // The same document as YAML: public like the JSON; asked for as JSON, it says 406.
          open("GET /api/docs.yaml", 406),
          open("GET /api/docs/ui", 302),
          // --- the anonymous "try it" API ----------------------------------------------------
          open("GET /api/v1/targets", 200),
          open(
              "POST /api/v1/analyses " + MULTIPART, "POST /api/v1/analyses", Body.IMAGE, null, 201),
          open(
              "GET /api/v1/analyses/{id}", "GET /api/v1/analyses/{analysis}", Body.NONE, null, 200),
          open("POST /api/v1/prompts " + MULTIPART, "POST /api/v1/prompts", Body.IMAGE, null, 201),
          open(
              "POST /api/v1/prompts " + JSON,
              "POST /api/v1/prompts",
              Body.JSON,
              "{\"analysisId\": \"{analysis}\", \"target\": \"flux\"}",
              201),
          open(
              "GET /api/v1/generations/{id}",
              "GET /api/v1/generations/{gen}",
              Body.NONE,
              null,
              200),
          // The home page's result, rendered for htmx: the anonymous flow's page twin.
          open("POST /workbench " + MULTIPART, "POST /workbench", Body.IMAGE, null, 200),
          // Polar's webhook: no session; without a valid signature every caller gets 403.
          open(
              "POST /api/v1/billing/polar/webhook",
              "POST /api/v1/billing/polar/webhook",
              Body.JSON,
              "{\"type\": \"order.paid\", \"data\": {}}",
              403),
          // --- a person's own --------------------------------------------------------------------
          person("GET /api/v1/me", "GET /api/v1/me", Body.NONE, null, 200),
          // --- privacy rights (io.promptlens.app.privacy)
          // -----------------------------------------
          person("GET /api/v1/me/export", "GET /api/v1/me/export", Body.NONE, null, 200),
          // Without the password in the body nothing is scheduled.
          person("DELETE /api/v1/me", "DELETE /api/v1/me", Body.NONE, null, 400),
          person("GET /api/v1/me/privacy", "GET /api/v1/me/privacy", Body.NONE, null, 200),
          person(
              "PUT /api/v1/me/restriction",
              "PUT /api/v1/me/restriction",
              Body.JSON,
              "{\"restricted\": false}",
              200),
          person("PUT /api/v1/me/objections", "PUT /api/v1/me/objections", Body.JSON, "{}", 200),
          person(
              "PUT /api/v1/me/profile",
              "PUT /api/v1/me/profile",
              Body.JSON,
              "{\"firstName\": \"Route\", \"lastName\": \"Table\"}",
              200),
          // A wrong password: refused before anything is mailed.
          person(
              "POST /api/v1/me/email",
              "POST /api/v1/me/email",
              Body.JSON,
              "{\"email\": \"new-{random}@example.com\", \"password\": \"wrong\"}",
              403),
          person(
              "GET /api/v1/me/connection-logs",
              "GET /api/v1/me/connection-logs",
              Body.NONE,
              null,
              200),
          person("GET /account", "GET /account", Body.NONE, null, 200),
          person(
              "POST /account/profile",
              "POST /account/profile",
              Body.FORM,
              "firstName=Route&lastName=Table",
              302),
          person(
              "POST /account/email",
              "POST /account/email",
              Body.FORM,
              "email=new-{random}@example.com&password=wrong",
              302),
          person("POST /account/objections", "POST /account/objections", Body.FORM, "", 302),
          person(
              "POST /account/restriction",
              "POST /account/restriction",
              Body.FORM,
              "restricted=false",
              302),
          person("POST /account/export", "POST /account/export", Body.FORM, "", 302),
          person(
              "GET /account/exports/{token}",
              "GET /account/exports/{random}",
              Body.NONE,
              null,
              404),
          // A wrong password: back to the account page, nothing scheduled.
          person("POST /account/delete", "POST /account/delete", Body.FORM, "password=wrong", 302),
          open("GET /confirm-email", "GET /confirm-email?token={random}", Body.NONE, null, 200),
          open("GET /privacy", 200),
          // Only the configured privacy operators; no caller of the matrix is one.
          person("GET /privacy/requests", "GET /privacy/requests", Body.NONE, null, 403),
          person(
              "POST /privacy/requests",
              "POST /privacy/requests",
              Body.FORM,
              "email=someone@example.com&kind=access",
              403),
          person(
              "POST /privacy/requests/{id}",
              "POST /privacy/requests/{random}",
              Body.FORM,
              "status=done",
              403),
          person("GET /api/v1/workspaces", "GET /api/v1/workspaces", Body.NONE, null, 200),
          person(
              "POST /api/v1/workspaces",
              "POST /api/v1/workspaces",
              Body.JSON,
              "{\"name\": \"Matrix\"}",
              201),
          // A wrong token: 409 once the caller is known to be a person.
          person(
              "POST /api/v1/invitations/accept",
              "POST /api/v1/invitations/accept",
              Body.JSON,
              "{\"token\": \"{random}\"}",
              409),
          person("GET /workspaces", "GET /workspaces", Body.NONE, null, 200),
          // Provider status: any signed-in person (the app has no admin role yet).
          person("GET /admin/providers", "GET /admin/providers", Body.NONE, null, 200),
          person("POST /workspaces", "POST /workspaces", Body.FORM, "name=Matrix", 302),
          // --- workspaces, members, settings, keys (API) --------------------------------------
          ws(VIEW, "GET /api/v1/workspaces/{id}", "GET /api/v1/workspaces/{ws}", 200),
          ws(
              VIEW,
              "GET /api/v1/workspaces/{id}/settings",
              "GET /api/v1/workspaces/{ws}/settings",
              200),
          ws(
              SETTINGS,
              "PUT /api/v1/workspaces/{id}/settings",
              "PUT /api/v1/workspaces/{ws}/settings",
              Body.JSON,
              "{\"safetyAction\": \"warn\", \"thumbnails\": false}",
              200),
          ws(
              VIEW,
              "GET /api/v1/workspaces/{id}/members",
              "GET /api/v1/workspaces/{ws}/members",
              200),
          // The three below name a user that does not exist: 404 for the member.
          ws(
              MEMBERS,
              "PUT /api/v1/workspaces/{id}/members/{userId}",
              "PUT /api/v1/workspaces/{ws}/members/{random}",
              Body.JSON,
              "{\"role\": \"member\"}",
              404),
          ws(
              MEMBERS,
              "DELETE /api/v1/workspaces/{id}/members/{userId}",
              "DELETE /api/v1/workspaces/{ws}/members/{random}",
              404),
          ws(
              TRANSFER,
              "POST /api/v1/workspaces/{id}/transfer",
              "POST /api/v1/workspaces/{ws}/transfer",
              Body.JSON,
              "{\"userId\": \"{random}\"}",
              404),
          ws(
                  VIEW,
                  "POST /api/v1/workspaces/{id}/leave",
                  "POST /api/v1/workspaces/{ws}/leave",
                  Body.JSON,
                  "{}",
                  204)
              .ownerGets(409)
              .notForKeys()
              .endingMembership(),
          ws(
              MEMBERS,
              "POST /api/v1/workspaces/{id}/invitations",
              "POST /api/v1/workspaces/{ws}/invitations",
              Body.JSON,
              "{\"email\": \"invitee-{random}@example.com\", \"role\": \"viewer\"}",
              201),
          ws(
              MEMBERS,
              "GET /api/v1/workspaces/{id}/invitations",
              "GET /api/v1/workspaces/{ws}/invitations",
              200),
          ws(
              MEMBERS,
              "DELETE /api/v1/workspaces/{id}/invitations/{invitationId}",
              "DELETE /api/v1/workspaces/{ws}/invitations/{random}",
              404),
          ws(
              KEYS,
              "POST " + API_WS + "/api-keys",
              "POST /api/v1/workspaces/{ws}/api-keys",
              Body.JSON,
              "{\"name\": \"matrix\", \"scope\": \"read\"}",
              201),
          ws(KEYS, "GET " + API_WS + "/api-keys", "GET /api/v1/workspaces/{ws}/api-keys", 200),
          ws(
              KEYS,
              "DELETE " + API_WS + "/api-keys/{id}",
              "DELETE /api/v1/workspaces/{ws}/api-keys/{random}",
              404),
          // --- analyses and generations (API) ---------------------------------------------------
          ws(
              CREATE,
              "POST " + API_WS + "/analyses " + MULTIPART,
              "POST /api/v1/workspaces/{ws}/analyses",
              Body.IMAGE,
              null,
              201),
          ws(
              VIEW,
              "GET " + API_WS + "/analyses/{id}",
              "GET /api/v1/workspaces/{ws}/analyses/{analysis}",
              200),
          ws(
              CREATE,
              "POST " + API_WS + "/prompts " + MULTIPART,
              "POST /api/v1/workspaces/{ws}/prompts",
              Body.IMAGE,
              null,
              201),
          ws(
              CREATE,
              "POST " + API_WS + "/prompts " + JSON,
              "POST /api/v1/workspaces/{ws}/prompts",
              Body.JSON,
              "{\"analysisId\": \"{analysis}\", \"target\": \"flux\"}",
              201),
          ws(
              CREATE,
              "POST " + API_WS + "/generations/{id}/retarget " + JSON,
              "POST /api/v1/workspaces/{ws}/generations/{gen}/retarget",
              Body.JSON,
              "{\"target\": \"sdxl\"}",
              201),
          ws(
              VIEW,
              "GET " + API_WS + "/generations/{id}",
              "GET /api/v1/workspaces/{ws}/generations/{gen}",
              200),
          // The fixture's workspace keeps no thumbnails, so a permitted call finds none.
          ws(
              VIEW,
              "GET " + API_WS + "/generations/{id}/thumbnail",
              "GET /api/v1/workspaces/{ws}/generations/{gen}/thumbnail",
              404),
          ws(
              VIEW,
              "GET " + API_WS + "/generations",
              "GET /api/v1/workspaces/{ws}/generations?q=a",
              200),
          // Deleting the fixture's generation would change it for the other rows: a missing one.
          ws(
              CREATE,
              "DELETE " + API_WS + "/generations/{id}",
              "DELETE /api/v1/workspaces/{ws}/generations/{random}",
              404),
          // --- batch captions (API): the matrix's upload has no 'files' part, so a permitted
          // caller gets 400 and nothing is queued; the ids below do not exist.
          ws(
              CREATE,
              "POST " + API_WS + "/batches " + MULTIPART,
              "POST /api/v1/workspaces/{ws}/batches",
              Body.IMAGE,
              null,
              400),
          ws(
              VIEW,
              "GET " + API_WS + "/batches/{batchId}",
              "GET /api/v1/workspaces/{ws}/batches/{random}",
              404),
          ws(
              VIEW,
              "GET " + API_WS + "/batches/{batchId}/results",
              "GET /api/v1/workspaces/{ws}/batches/{random}/results?format=csv",
              404),
          ws(
              CREATE,
              "DELETE " + API_WS + "/batches/{batchId}",
              "DELETE /api/v1/workspaces/{ws}/batches/{random}",
              404),
          // --- library and collections (API) ----------------------------------------------------
          ws(
              CREATE,
              "POST " + API_WS + "/library",
              "POST /api/v1/workspaces/{ws}/library",
              Body.JSON,
              "{\"generationId\": \"{gen}\", \"tags\": [\"matrix\"]}",
              201),
          ws(VIEW, "GET " + API_WS + "/library", "GET /api/v1/workspaces/{ws}/library", 200),
          ws(
              VIEW,
              "GET " + API_WS + "/library/{id}",
              "GET /api/v1/workspaces/{ws}/library/{item}",
              200),
          ws(
              VIEW,
              "GET " + API_WS + "/library/{id}/versions",
              "GET /api/v1/workspaces/{ws}/library/{item}/versions",
              200),
          ws(
              CREATE,
              "PUT " + API_WS + "/library/{id}",
              "PUT /api/v1/workspaces/{ws}/library/{item}",
              Body.JSON,
              "{\"note\": \"matrix edit\", \"tags\": [\"matrix\"]}",
              200),
          ws(
                  CREATE,
                  "POST " + API_WS + "/library/{id}/share",
                  "POST /api/v1/workspaces/{ws}/library/{item}/share",
                  Body.JSON,
                  "{}",
                  200)
              .onlyForAuthorOrAdmin(),
          // Into no collection: the shared fixture's item stays as it was.
          ws(
              CREATE,
              "PUT " + API_WS + "/library/{id}/collection",
              "PUT /api/v1/workspaces/{ws}/library/{item}/collection",
              Body.JSON,
              "{\"collectionId\": null}",
              200),
          ws(
              VIEW,
              "PUT " + API_WS + "/library/{id}/favourite",
              "PUT /api/v1/workspaces/{ws}/library/{item}/favourite",
              Body.JSON,
              "{}",
              200),
          ws(
              VIEW,
              "DELETE " + API_WS + "/library/{id}/favourite",
              "DELETE /api/v1/workspaces/{ws}/library/{item}/favourite",
              200),
          ws(
              VIEW,
              "GET " + API_WS + "/library/{id}/export",
              "GET /api/v1/workspaces/{ws}/library/{item}/export?format=json",
              200),
          // Deleting the fixture's item would change it for the other rows: a missing one.
          ws(
              CREATE,
              "DELETE " + API_WS + "/library/{id}",
              "DELETE /api/v1/workspaces/{ws}/library/{random}",
              404),
          ws(
              CREATE,
              "POST " + API_WS + "/collections",
              "POST /api/v1/workspaces/{ws}/collections",
              Body.JSON,
              "{\"name\": \"Matrix\"}",
              201),
          ws(
              VIEW,
              "GET " + API_WS + "/collections",
              "GET /api/v1/workspaces/{ws}/collections",
              200),
          ws(
              CREATE,
              "PUT " + API_WS + "/collections/{id}",
              "PUT /api/v1/workspaces/{ws}/collections/{random}",
              Body.JSON,
              "{\"name\": \"Renamed\"}",
              404),
          ws(
              CREATE,
              "DELETE " + API_WS + "/collections/{id}",
              "DELETE /api/v1/workspaces/{ws}/collections/{random}",
              404),
          // --- credits, billing and usage (API)
          // ---------------------------------------------------
          ws(VIEW, "GET " + API_WS + "/credits", "GET /api/v1/workspaces/{ws}/credits", 200),
          ws(
              VIEW,
              "GET " + API_WS + "/usage",
              "GET /api/v1/workspaces/{ws}/usage?from=2026-01-01&to=2026-01-31",
              200),
          // The test app has no Polar token: a permitted caller is told payments are off (503).
          ws(
              SETTINGS,
              "POST " + API_WS + "/billing/checkout " + JSON,
              "POST /api/v1/workspaces/{ws}/billing/checkout",
              Body.JSON,
              "{\"product\": \"small\"}",
              503),
          ws(
              SETTINGS,
              "POST " + API_WS + "/billing/portal",
              "POST /api/v1/workspaces/{ws}/billing/portal",
              Body.JSON,
              "{}",
              503),
          // --- presets (API) --------------------------------------------------------------------
          ws(
              CREATE,
              "POST " + API_WS + "/presets",
              "POST /api/v1/workspaces/{ws}/presets",
              Body.JSON,
              "{\"name\": \"Matrix\", \"analysisId\": \"{analysis}\"}",
              201),
          ws(VIEW, "GET " + API_WS + "/presets", "GET /api/v1/workspaces/{ws}/presets", 200),
          ws(
              VIEW,
              "GET " + API_WS + "/presets/{id}",
              "GET /api/v1/workspaces/{ws}/presets/{preset}",
              200),
          ws(
              CREATE,
              "PUT " + API_WS + "/presets/{id}",
              "PUT /api/v1/workspaces/{ws}/presets/{preset}",
              Body.JSON,
              "{\"name\": \"Matrix 2\"}",
              200),
          ws(
              VIEW,
              "POST " + API_WS + "/presets/{id}/apply",
              "POST /api/v1/workspaces/{ws}/presets/{preset}/apply",
              Body.JSON,
              "{\"subject\": \"a fox\"}",
              200),
          ws(
              VIEW,
              "POST " + API_WS + "/presets/{id}/check " + JSON,
              "POST /api/v1/workspaces/{ws}/presets/{preset}/check",
              Body.JSON,
              "{\"analysisId\": \"{analysis}\"}",
              200),
          ws(
              VIEW,
              "POST " + API_WS + "/presets/{id}/check " + MULTIPART,
              "POST /api/v1/workspaces/{ws}/presets/{preset}/check",
              Body.IMAGE,
              null,
              200),
          // --- workspace pages -----------------------------------------------------------------
          // The home page's result in a workspace, rendered for htmx: as the API's prompts.
          ws(
              CREATE,
              "POST " + PAGE_WS + "/workbench " + MULTIPART,
              "POST /workspaces/{ws}/workbench",
              Body.IMAGE,
              null,
              200),
          ws(VIEW, "GET /history", "GET /history?workspace={ws}", 200),
          ws(VIEW, "GET /workspaces/{id}", "GET /workspaces/{ws}", 200),
          ws(
              MEMBERS,
              "POST /workspaces/{id}/invitations",
              "POST /workspaces/{ws}/invitations",
              Body.FORM,
              "email=invitee-{random}@example.com&role=viewer",
              302),
          ws(
              SETTINGS,
              "POST /workspaces/{id}/settings",
              "POST /workspaces/{ws}/settings",
              Body.FORM,
              "safetyAction=warn",
              302),
          ws(
              MEMBERS,
              "POST /workspaces/{id}/members/{userId}/remove",
              "POST /workspaces/{ws}/members/{random}/remove",
              Body.FORM,
              "",
              404),
          ws(
              MEMBERS,
              "POST /workspaces/{id}/members/{userId}/role",
              "POST /workspaces/{ws}/members/{random}/role",
              Body.FORM,
              "role=member",
              404),
          ws(
              TRANSFER,
              "POST /workspaces/{id}/transfer",
              "POST /workspaces/{ws}/transfer",
              Body.FORM,
              "userId={random}",
              404),
          ws(VIEW, "POST /workspaces/{id}/leave", "POST /workspaces/{ws}/leave", Body.FORM, "", 302)
              .ownerGets(409)
              .endingMembership(),
          ws(KEYS, "GET " + PAGE_WS + "/api-keys", "GET /workspaces/{ws}/api-keys", 200),
          // Rendered, not redirected: the new key is shown on this one answer.
          ws(
              KEYS,
              "POST " + PAGE_WS + "/api-keys",
              "POST /workspaces/{ws}/api-keys",
              Body.FORM,
              "name=matrix&scope=read",
              200),
          ws(
              KEYS,
              "POST " + PAGE_WS + "/api-keys/{id}/revoke",
              "POST /workspaces/{ws}/api-keys/{random}/revoke",
              Body.FORM,
              "",
              404),
          ws(VIEW, "GET " + PAGE_WS + "/batches", "GET /workspaces/{ws}/batches", 200),
          ws(
              VIEW,
              "GET " + PAGE_WS + "/batches/{batchId}",
              "GET /workspaces/{ws}/batches/{random}",
              404),
          ws(VIEW, "GET " + PAGE_WS + "/library", "GET /workspaces/{ws}/library", 200),
          ws(VIEW, "GET " + PAGE_WS + "/library/{id}", "GET /workspaces/{ws}/library/{item}", 200),
          ws(
              CREATE,
              "POST " + PAGE_WS + "/library",
              "POST /workspaces/{ws}/library",
              Body.FORM,
              "generationId={gen}",
              302),
          // baseVersion 0 was never current: a permitted editor is told someone saved since.
          ws(
              CREATE,
              "POST " + PAGE_WS + "/library/{id}",
              "POST /workspaces/{ws}/library/{item}",
              Body.FORM,
              "title=Matrix&prompt=a fox&baseVersion=0",
              409),
          ws(
                  CREATE,
                  "POST " + PAGE_WS + "/library/{id}/share",
                  "POST /workspaces/{ws}/library/{item}/share",
                  Body.FORM,
                  "",
                  302)
              .onlyForAuthorOrAdmin(),
          ws(
              CREATE,
              "POST " + PAGE_WS + "/history/{id}/delete",
              "POST /workspaces/{ws}/history/{random}/delete",
              Body.FORM,
              "",
              404),
          ws(
              CREATE,
              "POST " + PAGE_WS + "/library/{id}/delete",
              "POST /workspaces/{ws}/library/{random}/delete",
              Body.FORM,
              "",
              404),
          ws(
              CREATE,
              "POST " + PAGE_WS + "/library/{id}/collection",
              "POST /workspaces/{ws}/library/{item}/collection",
              Body.FORM,
              "collectionId=",
              302),
          ws(
              VIEW,
              "POST " + PAGE_WS + "/library/{id}/favourite",
              "POST /workspaces/{ws}/library/{item}/favourite",
              Body.FORM,
              "on=true",
              302),
          ws(
              CREATE,
              "POST " + PAGE_WS + "/collections",
              "POST /workspaces/{ws}/collections",
              Body.FORM,
              "name=Matrix",
              302),
          ws(
              CREATE,
              "POST " + PAGE_WS + "/collections/{id}",
              "POST /workspaces/{ws}/collections/{random}",
              Body.FORM,
              "name=Renamed",
              404),
          ws(
              CREATE,
              "POST " + PAGE_WS + "/collections/{id}/delete",
              "POST /workspaces/{ws}/collections/{random}/delete",
              Body.FORM,
              "",
              404),
          ws(VIEW, "GET " + PAGE_WS + "/billing", "GET /workspaces/{ws}/billing", 200),
          ws(
              SETTINGS,
              "POST " + PAGE_WS + "/billing/checkout",
              "POST /workspaces/{ws}/billing/checkout",
              Body.FORM,
              "product=small",
              503),
          ws(
              SETTINGS,
              "POST " + PAGE_WS + "/billing/portal",
              "POST /workspaces/{ws}/billing/portal",
              Body.FORM,
              "",
              503),
          ws(VIEW, "GET " + PAGE_WS + "/usage", "GET /workspaces/{ws}/usage", 200),
          ws(VIEW, "GET " + PAGE_WS + "/presets", "GET /workspaces/{ws}/presets", 200),
          ws(
              CREATE,
              "POST " + PAGE_WS + "/presets",
              "POST /workspaces/{ws}/presets",
              Body.FORM,
              "name=Matrix&palette=#1F4EA8",
              302),
          ws(
              VIEW,
              "GET " + PAGE_WS + "/presets/{id}",
              "GET /workspaces/{ws}/presets/{preset}",
              200),
          ws(
              VIEW,
              "POST " + PAGE_WS + "/presets/{id}/apply",
              "POST /workspaces/{ws}/presets/{preset}/apply",
              Body.FORM,
              "subject=a fox",
              200),
          ws(
              VIEW,
              "POST " + PAGE_WS + "/presets/{id}/check",
              "POST /workspaces/{ws}/presets/{preset}/check",
              Body.IMAGE,
              null,
              200));

  static final Map<String, Row> BY_ROUTE =
      ROWS.stream().collect(Collectors.toMap(Row::route, Function.identity()));
}
