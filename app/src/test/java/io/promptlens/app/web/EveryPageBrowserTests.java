package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.ApiClient;
import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.TestImages;
import io.promptlens.app.support.UserSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every page, anonymous and signed in, in a real headless Chromium at 1366 px and 390 px (and in
 * the dark theme at 1366 px): no sideways overflow ({@code scrollWidth <= innerWidth}), no serious
 * or critical accessibility violation found by axe-core (injected into the page; {@code
 * src/test/resources/axe/}, MPL-2.0), and a screenshot of the whole page in {@code
 * app/target/screenshots/PAGE-WIDTH.png} for review.
 *
 * <p>The pages are the app's registered {@code GET} routes of page controllers: a route without a
 * visit below (or a stated reason why it is no page) fails {@link #everyPageRouteIsVisited}, so a
 * new page cannot escape these checks.
 */
@AppIntegration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserTests {

  static final int[] WIDTHS = {1366, 390};

  /** GET routes of page controllers that are not pages, and why. */
  static final Map<String, String> NOT_PAGES =
      Map.of("/account/exports/{token}", "a file download (the data export's ZIP)");

  /**
   * At phone widths the header row is hidden and each row's cells stack, so a cell under a named
   * column must carry that name ({@code data-label}, drawn before it by the style sheet).
   */
  static final String UNLABELLED_CELLS =
      "const out = [];"
          + "for (const table of document.querySelectorAll('table.table')) {"
          + "  const heads = [...table.querySelectorAll('thead th')].map(th =>"
          + "    th.querySelector('.visually-hidden') ? '' : th.textContent.trim());"
          + "  for (const row of table.querySelectorAll('tbody tr')) {"
          + "    [...row.children].forEach((td, i) => {"
          + "      if (heads[i] && td.dataset.label !== heads[i]) out.push(table.id + ':' + heads[i]);"
          + "    });"
          + "  }"
          + "}"
          + "return out.join(', ');";

  record Visit(String name, String path, boolean signedIn) {}

  @LocalServerPort int port;
  @Autowired RequestMappingHandlerMapping handlerMapping;

  WebDriver browser;
  String axe;
  Map<String, List<Visit>> visits;

  @BeforeAll
  void start() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
      assertThat(in).as("axe-core in src/test/resources/axe").isNotNull();
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    visits = fixture();
    browser = Browsers.start(Files.createTempDirectory("every-page"));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyPageRouteIsVisited() {
    Set<String> unvisited = new TreeSet<>(pageRoutes());
    unvisited.removeAll(visits.keySet());
    unvisited.removeAll(NOT_PAGES.keySet());
    assertThat(unvisited).as("page routes without a visit in EveryPageBrowserTests").isEmpty();
  }

  /** Anonymous pages first, then the same browser signs in for the rest. */
  @TestFactory
  Stream<DynamicTest> everyPageFitsBothWidthsAndHasNoSeriousAccessibilityViolation() {
    List<Visit> all = visits.values().stream().flatMap(List::stream).toList();
    Stream<Visit> anonymous = all.stream().filter(v -> !v.signedIn());
    Stream<Visit> signedIn = all.stream().filter(Visit::signedIn);
    return Stream.concat(
        anonymous.map(v -> DynamicTest.dynamicTest(v.name() + " (anonymous)", () -> check(v))),
        Stream.concat(
            Stream.of(
                DynamicTest.dynamicTest(
                    "sign in", () -> Browsers.signIn(browser, port, ada.email()))),
            signedIn.map(v -> DynamicTest.dynamicTest(v.name() + " (signed in)", () -> check(v)))));
  }

  private void check(Visit visit) throws IOException {
    List<String> problems = new ArrayList<>();
    for (int width : WIDTHS) {
      theme("light");
      browser.manage().window().setSize(new Dimension(width, 900));
      browser.get("http://localhost:" + port + visit.path());
      if (Browsers.overflowsSideways(browser)) {
        problems.add(
            width
                + " px: the page is "
                + js("return document.documentElement.scrollWidth")
                + " px wide; widest: "
                + js(WIDEST));
      }
      Browsers.screenshot(browser, visit.name() + "-" + width);
      axe("light, " + width + " px", problems);
    }
    Object unlabelled = js(UNLABELLED_CELLS);
    if (unlabelled != null && !unlabelled.toString().isEmpty()) {
      problems.add("table cells that do not name their column at 390 px: " + unlabelled);
    }
    theme("dark");
    browser.manage().window().setSize(new Dimension(1366, 900));
    browser.get("http://localhost:" + port + visit.path());
    Browsers.screenshot(browser, visit.name() + "-1366-dark");
    axe("dark, 1366 px", problems);
    theme("light");
    assertThat(problems).as(visit.path()).isEmpty();
  }

  private void axe(String where, List<String> problems) {
    js(axe);
    String found =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + " axe.run(document, {resultTypes: ['violations']}).then((r) => done("
                        + " r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')"
                        + " .map((v) => v.impact + ' ' + v.id + ' (' + v.help + '): '"
                        + " + v.nodes.slice(0, 4).map((n) => n.target.join(' ')"
                        + " + (n.any[0] && n.any[0].message ? ' [' + n.any[0].message + ']' : ''))"
                        + " .join('; ')).join('\\n'))).catch((e) => done('axe failed: ' + e));");
    if (!found.isBlank()) {
      problems.add(where + ":\n" + found);
    }
  }

  /** The element that sticks out furthest on the right, to say what overflows. */
  static final String WIDEST =
      "let widest = null, right = 0;"
          + " document.querySelectorAll('body *').forEach((e) => {"
          + "  const r = e.getBoundingClientRect().right; if (r > right) { right = r; widest = e; } });"
          + " return widest ? widest.tagName + (widest.id ? '#' + widest.id : '')"
          + "  + '.' + widest.className + ' ' + Math.round(right) + ' px' : 'none';";

  private void theme(String theme) {
    if (browser.getCurrentUrl().startsWith("http")) {
      js("localStorage.setItem('promptlens-theme', arguments[0])", theme);
    } else {
      browser.get("http://localhost:" + port + "/privacy");
      js("localStorage.setItem('promptlens-theme', arguments[0])", theme);
    }
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** The registered GET routes of page controllers (not the JSON API, not Spring's error). */
  private Set<String> pageRoutes() {
    Set<String> routes = new TreeSet<>();
    handlerMapping
        .getHandlerMethods()
        .forEach(
            (RequestMappingInfo info, HandlerMethod method) -> {
              Class<?> type = method.getBeanType();
              boolean page =
                  AnnotatedElementUtils.hasAnnotation(type, Controller.class)
                      && !AnnotatedElementUtils.hasAnnotation(type, RestController.class);
              boolean get =
                  info.getMethodsCondition().getMethods().stream()
                      .anyMatch(m -> m.name().equals("GET"));
              for (String pattern : info.getPatternValues()) {
                if (page && get && !pattern.startsWith("/api/") && !pattern.equals("/error")) {
                  routes.add(pattern);
                }
              }
            });
    return routes;
  }

  UserSession ada;

  /** Ada with a team, a prompt in her history, a saved prompt, a collection and a brand style. */
  private Map<String, List<Visit>> fixture() {
    ada = UserSession.verified(port, "Ada");
    String ws = ada.personalWorkspace();
    String team =
        ada.postJson("/api/v1/workspaces", "{\"name\": \"Spring campaign\"}")
            .json()
            .get("id")
            .asString();
    JsonNode generation = ada.prompt(ws, TestImages.png(640, 360), Map.of("target", "sdxl")).json();
    String collection =
        ada.postJson("/api/v1/workspaces/" + ws + "/collections", "{\"name\": \"Campaign\"}")
            .json()
            .get("id")
            .asString();
    String item =
        ada.postJson(
                "/api/v1/workspaces/" + ws + "/library",
                "{\"generationId\": \""
                    + generation.get("id").asString()
                    + "\", \"tags\": [\"coast\"], \"collectionId\": \""
                    + collection
                    + "\"}")
            .json()
            .get("id")
            .asString();
    String preset =
        ada.postJson(
                "/api/v1/workspaces/" + ws + "/presets",
                "{\"name\": \"Brand\", \"style\": {\"palette\": [{\"hex\": \"#1F4EA8\"},"
                    + " {\"hex\": \"#F2C12E\"}]}}")
            .json()
            .get("id")
            .asString();
    ApiClient.Response batch =
        ada.postFiles(
            "/api/v1/workspaces/" + ws + "/batches",
            "files",
            Map.of("dune.png", TestImages.png(320, 240), "coast.png", TestImages.png(240, 320)),
            Map.of("target", "sdxl"),
            "application/json");
    assertThat(batch.status()).as(batch.body()).isEqualTo(202);
    String batchId = batch.json().get("id").asString();
    String random = UUID.randomUUID().toString();
    String base = "/workspaces/" + ws;
    return Map.ofEntries(
        Map.entry(
            "/", List.of(new Visit("home", "/", false), new Visit("home-signed-in", "/", true))),
        page("/sign-up", "sign-up", "/sign-up", false),
        page("/check-email", "check-email", "/check-email", false),
        page("/verify", "verify-wrong-link", "/verify?token=" + random, false),
        page("/sign-in", "sign-in", "/sign-in", false),
        page("/forgot-password", "forgot-password", "/forgot-password", false),
        page("/reset-password", "reset-password", "/reset-password?token=" + random, false),
        page("/invitations/{token}", "invitation-wrong-link", "/invitations/" + random, false),
        page("/confirm-email", "confirm-email-wrong-link", "/confirm-email?token=" + random, false),
        Map.entry(
            "/privacy",
            List.of(
                new Visit("privacy", "/privacy", false),
                new Visit("privacy-signed-in", "/privacy", true))),
        page("/account", "account", "/account", true),
        page("/privacy/requests", "privacy-requests-refused", "/privacy/requests", true),
        page("/workspaces", "workspaces", "/workspaces", true),
        page("/admin/providers", "admin-providers", "/admin/providers", true),
        Map.entry(
            "/history",
            List.of(
                new Visit("history", "/history?workspace=" + ws, true),
                new Visit("history-empty", "/history?workspace=" + team, true))),
        Map.entry(
            "/workspaces/{id}",
            List.of(
                new Visit("workspace-personal", base, true),
                new Visit("workspace-team", "/workspaces/" + team, true))),
        page("/workspaces/{workspaceId}/api-keys", "api-keys", base + "/api-keys", true),
        page("/workspaces/{workspaceId}/batches", "batches", base + "/batches", true),
        Map.entry(
            "/workspaces/{workspaceId}/batches/{batchId}",
            List.of(
                new Visit("batch", base + "/batches/" + batchId, true),
                new Visit("batch-missing", base + "/batches/" + random, true))),
        Map.entry(
            "/workspaces/{workspaceId}/library",
            List.of(
                new Visit("library", base + "/library", true),
                new Visit("library-empty", "/workspaces/" + team + "/library", true))),
        page(
            "/workspaces/{workspaceId}/library/{id}",
            "library-item",
            base + "/library/" + item,
            true),
        page("/workspaces/{workspaceId}/billing", "billing", base + "/billing", true),
        page("/workspaces/{workspaceId}/usage", "usage", base + "/usage", true),
        Map.entry(
            "/workspaces/{workspaceId}/presets",
            List.of(
                new Visit("presets", base + "/presets", true),
                new Visit("presets-empty", "/workspaces/" + team + "/presets", true))),
        page(
            "/workspaces/{workspaceId}/presets/{id}", "preset", base + "/presets/" + preset, true));
  }

  private static Map.Entry<String, List<Visit>> page(
      String route, String name, String path, boolean signedIn) {
    return Map.entry(route, List.of(new Visit(name, path, signedIn)));
  }
}
