package io.promptlens.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;

import io.promptlens.app.support.AppIntegration;
import io.promptlens.app.support.BrowserFixture;
import io.promptlens.app.support.Browsers;
import io.promptlens.app.support.TestAnalyses;
import io.promptlens.app.support.TestImages;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Safety;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.intake.DecodedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The home page with several dropped files, and the analysis overlay's labels, in a real headless
 * Chromium.
 *
 * <p>The test images are synthetic and the test app runs without the neural models, so no detector
 * finds anything in them. To put crowded boxes on the picture, the overlay test has the analyzer
 * answer with ten overlapping detector boxes at the picture's edges (a Mockito spy); the server
 * renders them and the page's own code lays their labels out.
 */
@AppIntegration
class OverlayAndDropBrowserTests extends BrowserFixture {

  @MockitoSpyBean ImageAnalyzer analyzer;

  /** Ten boxes: overlapping, at every edge, one tiny, labelled like the detector's guesses. */
  static ImageAnalysis crowded() {
    double[][] boxes = {
      {0, 0, .3, .3},
      {.02, .02, .3, .3},
      {.7, 0, .3, .2},
      {.72, .01, .28, .2},
      {0, .85, .4, .15},
      {.6, .9, .4, .1},
      {.45, .45, .1, .1},
      {.46, .46, .1, .1},
      {.98, .5, .02, .02},
      {.3, .3, .4, .4}
    };
    List<Subject> subjects = new java.util.ArrayList<>();
    for (int i = 0; i < boxes.length; i++) {
      subjects.add(
          new Subject(
              "orange" + (i == 0 ? "" : " " + i),
              0.4,
              java.util.Arrays.stream(boxes[i]).boxed().toList(),
              "test"));
    }
    Composition composition =
        Composition.of(
                io.promptlens.core.analysis.SubjectPosition.LOWER_RIGHT_THIRD,
                io.promptlens.core.analysis.ShotScale.MEDIUM)
            .withSubject(List.of(.6, .6, .38, .38), null);
    return TestAnalyses.of(
        composition,
        subjects,
        People.none(),
        TextContent.none(),
        new Safety("neutral", 0.9, 0.1, Map.of("neutral", 0.9), "test"));
  }

  @Test
  void droppingThreeFilesAnalysesNoneAndSaysOneImageAtATimeWithBatches() {
    open("/");
    js(
        "window.prompts = 0; const realSend = XMLHttpRequest.prototype.send;"
            + " XMLHttpRequest.prototype.send = function (...args) {"
            + "  window.prompts++; return realSend.apply(this, args); };"
            + " window.fetch = () => { window.prompts++; return Promise.reject(new Error()); };"
            + " const files = new DataTransfer();"
            + " ['a.png', 'b.png', 'c.png'].forEach((name) =>"
            + "  files.items.add(new File([new Uint8Array([137, 80, 78, 71])], name,"
            + "   {type: 'image/png'})));"
            + " document.getElementById('dropzone').dispatchEvent(new DragEvent('drop',"
            + "  {dataTransfer: files, bubbles: true, cancelable: true}));");

    String error = browser.findElement(By.id("error")).getText();
    assertThat(error)
        .contains("3 files chosen")
        .contains("“a.png”")
        .contains("one image at a time")
        .contains("none of them was analysed");
    assertThat(browser.findElement(By.id("batch-link")).getAttribute("href")).endsWith("/sign-in");
    assertThat(((Number) js("return window.prompts")).intValue()).as("nothing sent").isZero();
    assertThat(browser.findElement(By.id("preview")).isDisplayed()).isFalse();
  }

  @Test
  void crowdedOverlayLabelsNeitherOverlapNorLeaveThePictureAndNoneIsLost() throws IOException {
    doReturn(crowded()).when(analyzer).analyze(any(DecodedImage.class));
    for (int width : new int[] {1366, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      open("/");
      Path image = Files.write(temp.resolve("wide.png"), TestImages.png(900, 400));
      browser.findElement(By.id("image-input")).sendKeys(image.toAbsolutePath().toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overlay-stage")));
      wait.until(
          driver ->
              ((Number) js("return document.querySelectorAll('.overlay-label').length")).intValue()
                  == 11);

      // Laid out once the picture has its size: after the image loaded and two frames.
      wait.until(
          driver ->
              (Boolean)
                  js(
                      "const i = document.getElementById('overlay-image');"
                          + " return i.complete && i.naturalWidth > 0;"));
      // The page settles (images, scroll bars, the result's other parts); what counts is where
      // the labels stay: the same twice, a quarter of a second apart.
      List<Map<String, Object>> labels = settledLabels();
      Map<String, Object> stage = rect("overlay-stage");
      for (Map<String, Object> label : labels) {
        assertThat(num(label, "left"))
            .as("inside on the left at %d px: %s", width, label)
            .isGreaterThanOrEqualTo(num(stage, "left") - 0.5);
        assertThat(num(label, "right"))
            .as("inside on the right at %d px: %s", width, label)
            .isLessThanOrEqualTo(num(stage, "right") + 0.5);
        assertThat(num(label, "top"))
            .as("inside at the top: %s", label)
            .isGreaterThanOrEqualTo(num(stage, "top") - 0.5);
        assertThat(num(label, "bottom"))
            .as("inside at the bottom at %d px: %s of %s", width, label, stage)
            .isLessThanOrEqualTo(num(stage, "bottom") + 0.5);
        assertThat((Boolean) label.get("truncated")).as("cut short: %s", label).isFalse();
      }
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          assertThat(overlap(labels.get(i), labels.get(j)))
              .as(
                  "%s and %s overlap at %d px",
                  labels.get(i).get("text"), labels.get(j).get("text"), width)
              .isFalse();
        }
      }
      @SuppressWarnings("unchecked")
      List<String> shown =
          (List<String>)
              js(
                  "return [...document.querySelectorAll('.overlay-label')]"
                      + ".filter((l) => !l.hidden && l.textContent === l.dataset.text).map((l) => l.textContent)"
                      + ".concat([...document.querySelectorAll('#overlay-legend li')].map((l) => l.textContent));");
      assertThat(shown).as("every label readable on the picture or in the list below").hasSize(11);
      assertThat(browser.findElement(By.id("subjects-toggle-name")).getText())
          .as("nothing named the subject: the boxes are guesses, not 'Subjects'")
          .isEqualTo("Detector guesses");
      assertThat(browser.findElement(By.id("overlay-caption")).getText())
          .contains("No detection was confident enough")
          .doesNotContain("Subjects:");
      Browsers.screenshot(browser, "overlay-crowded-" + width);
    }
  }

  private List<Map<String, Object>> settledLabels() {
    List<Map<String, Object>> before = visibleLabels();
    for (int i = 0; i < 20; i++) {
      ((JavascriptExecutor) browser)
          .executeAsyncScript(
              "const done = arguments[arguments.length - 1]; setTimeout(done, 250);");
      List<Map<String, Object>> now = visibleLabels();
      if (now.equals(before)) {
        return now;
      }
      before = now;
    }
    throw new AssertionError("the overlay's labels never settled: " + before);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> visibleLabels() {
    return (List<Map<String, Object>>)
        js(
            "return [...document.querySelectorAll('.overlay-layer:not([hidden]) .overlay-label')]"
                + ".filter((l) => !l.hidden).map((l) => { const r = l.getBoundingClientRect();"
                + " return {text: l.textContent, left: r.left, right: r.right, top: r.top,"
                + " bottom: r.bottom, truncated: l.scrollWidth > l.clientWidth + 1}; });");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rect(String id) {
    return (Map<String, Object>)
        js(
            "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};",
            id);
  }

  private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
    return num(a, "left") < num(b, "right") - 0.5
        && num(b, "left") < num(a, "right") - 0.5
        && num(a, "top") < num(b, "bottom") - 0.5
        && num(b, "top") < num(a, "bottom") - 0.5;
  }

  private static double num(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }
}
