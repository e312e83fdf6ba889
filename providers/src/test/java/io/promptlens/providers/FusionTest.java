package io.promptlens.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.promptlens.core.analysis.ColorAnalysis;
import io.promptlens.core.analysis.Composition;
import io.promptlens.core.analysis.Contrast;
import io.promptlens.core.analysis.Focus;
import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.ImageFormat;
import io.promptlens.core.analysis.ImageInfo;
import io.promptlens.core.analysis.LightAnalysis;
import io.promptlens.core.analysis.LightKey;
import io.promptlens.core.analysis.Medium;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.PaletteColor;
import io.promptlens.core.analysis.People;
import io.promptlens.core.analysis.Provenance;
import io.promptlens.core.analysis.Saturation;
import io.promptlens.core.analysis.Scene;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.Temperature;
import io.promptlens.core.analysis.TextContent;
import io.promptlens.core.compiler.Controls;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FusionTest {

  @RegisterExtension static WireMockExtension server = LoopbackStub.extension();

  private static final CallRecord CALL =
      new CallRecord("openai", "gpt-4.1-mini", 812, 1000, 50, 0.00048, 1, false);

  /** A 4:3 snow scene as the measured analyzers see it: cool, muted, high key, in colour. */
  static ImageAnalysis measuredSnow(
      boolean grayscale,
      LightKey key,
      Temperature temperature,
      MediumLabel medium,
      List<Subject> subjects,
      String text) {
    return ImageAnalysis.builder()
        .image(ImageInfo.of(4000, 3000, ImageFormat.JPEG))
        .color(
            ColorAnalysis.of(
                grayscale,
                List.of(
                    new PaletteColor("#F4F6F8", "snow white", 0.62),
                    new PaletteColor("#B7C4CF", "pale slate", 0.25),
                    new PaletteColor("#C1440E", "rust orange", 0.09)),
                temperature,
                Saturation.MUTED,
                grayscale ? 0.0 : 0.04,
                0.9))
        .light(LightAnalysis.of(key, Contrast.MEDIUM, 0.7, 0.15, 0.9))
        .medium(Medium.of(medium, medium == MediumLabel.UNKNOWN ? 0 : 0.9))
        .focus(Focus.unknown())
        .composition(Composition.unknown())
        .subjects(subjects)
        .scene(Scene.empty())
        .people(People.none())
        .text(new TextContent(text, List.of()))
        .notes(List.of("subjects, scene, people and text: no neural models installed"))
        .provenance(List.of(new Provenance("vision.color", "1.0", "measured")))
        .build();
  }

  static ImageAnalysis measuredSnow() {
    return measuredSnow(false, LightKey.HIGH, Temperature.COOL, MediumLabel.UNKNOWN, List.of(), "");
  }

  static ProviderDescription fox() throws Exception {
    return DescriptionParser.parse(ProviderContractTest.FOX).withCall(CALL);
  }

  static ProviderDescription described(String json) throws Exception {
    return DescriptionParser.parse(json).withCall(CALL);
  }

  @Test
  void theProviderNamesTheSubjectAndSettingWhileMeasuredFactsStay() throws Exception {
    ImageAnalysis measured = measuredSnow();

    ImageAnalysis fused = Fusion.fuse(measured, fox());

    assertThat(fused.subjects()).hasSize(1);
    Subject subject = fused.subjects().get(0);
    assertThat(subject.label()).isEqualTo("red fox");
    assertThat(subject.source()).isEqualTo("openai");
    assertThat(subject.confidence()).isEqualTo(0.93);
    assertThat(subject.box()).containsExactly(0.0, 0.0, 1.0, 1.0);
    assertThat(fused.scene().labels())
        .containsExactly(new Scene.Label("fresh snow", Fusion.DEFAULT_CONFIDENCE, "openai"));
    assertThat(fused.subject().named()).isEqualTo("a red fox");
    assertThat(fused.subject().source()).isEqualTo("openai");
    assertThat(fused.image()).isEqualTo(measured.image());
    assertThat(fused.color()).isEqualTo(measured.color());
    assertThat(fused.light()).isEqualTo(measured.light());
    assertThat(fused.medium()).isEqualTo(Medium.of(MediumLabel.PHOTO, 0.6));
    assertThat(fused.notes())
        .startsWith("subjects, scene, people and text: no neural models installed")
        .contains(
            "openai (gpt-4.1-mini) says: description: a red fox in fresh snow; action: standing;"
                + " style: wildlife photograph; mood: calm; camera: eye-level telephoto;"
                + " lighting: soft overcast daylight; red fox: bushy tail",
            "subjects, setting and text: from openai (gpt-4.1-mini)");
    assertThat(fused.notes()).noneMatch(n -> n.startsWith("disagreement"));
    assertThat(fused.provenance()).hasSize(2);
    Provenance provider = fused.provenance().get(1);
    assertThat(provider.component()).isEqualTo("providers.openai");
    assertThat(provider.version()).isEqualTo("gpt-4.1-mini");
    assertThat(provider.detail())
        .isEqualTo("fused; call 812 ms, tokens 1000 in / 50 out, est. $0.00048");
  }

  @Test
  void theCompilerWritesTheFoxWithTheMeasuredPaletteAndAspect() throws Exception {
    ImageAnalysis fused = Fusion.fuse(measuredSnow(), fox());

    String prompt =
        new PromptCompiler().compile(fused, "midjourney", Mode.FULL, Controls.defaults()).prompt();

    assertThat(prompt).contains("red fox", "fresh snow", "palette of white", "--ar 4:3");
  }

  @Test
  void theProvidersSubjectAndSettingReplaceTheLocalGuesses() throws Exception {
    ImageAnalysis m = measuredSnow();
    ImageAnalysis guessed =
        ImageAnalysis.builder()
            .schemaVersion(m.schemaVersion())
            .image(m.image())
            .color(m.color())
            .light(m.light())
            .medium(m.medium())
            .focus(m.focus())
            .composition(m.composition())
            .subjects(
                List.of(
                    new Subject(
                        "bird", 0.9, List.of(0.1, 0.1, 0.2, 0.2), "vision.neural.centernet")))
            .scene(
                new Scene(
                    List.of(
                        new Scene.Label("water", 0.95, "vision.scene"),
                        new Scene.Label("sky", 0.95, "vision.scene"))))
            .people(m.people())
            .text(m.text())
            .notes(m.notes())
            .provenance(m.provenance())
            .build();

    ImageAnalysis fused = Fusion.fuse(guessed, fox());
    String prompt =
        new PromptCompiler().compile(fused, "flux", Mode.FULL, Controls.defaults()).prompt();

    // Was "A photograph of red fox, ... The scene includes a red fox sitting in fresh snow, an
    // outdoor setting, open sky and water" (issue 18).
    // The provider's "wildlife photograph" style is a medium at 0.6, under its row: not said.
    assertThat(prompt).startsWith("A red fox").contains("fresh snow");
    assertThat(prompt).doesNotContain("open sky", "the sky", "water", "bird");
  }

  @Test
  void describeAgainstAStubThenFuseThenCompile() {
    var reply = ProviderContractTest.JSON.createObjectNode();
    reply.put("model", "qwen2.5vl").put("done", true);
    reply.putObject("message").put("role", "assistant").put("content", ProviderContractTest.FOX);
    server.stubFor(post(urlEqualTo("/api/chat")).willReturn(okJson(reply.toString())));
    VisionProvider provider =
        Providers.create(new ProviderConfig(ProviderKind.OLLAMA, null, base(), null, timeout(), 0));

    ProviderDescription described = provider.describe(TestImages.gradient(400, 300));
    ImageAnalysis fused = Fusion.fuse(measuredSnow(), described);
    String prompt =
        new PromptCompiler().compile(fused, "midjourney", Mode.FULL, Controls.defaults()).prompt();

    assertThat(fused.subjects().get(0).source()).isEqualTo("ollama");
    assertThat(prompt).contains("red fox", "palette of white", "--ar 4:3");
  }

  @Test
  void contradictionsGoToNotesAndTheMeasurementStands() throws Exception {
    ImageAnalysis measured =
        measuredSnow(false, LightKey.LOW, Temperature.COOL, MediumLabel.UNKNOWN, List.of(), "");
    ProviderDescription described =
        described(
            "{\"description\":\"a fox\",\"subjects\":[],\"style\":\"black and white photograph\","
                + "\"lighting\":\"bright warm sunlight\"}");

    ImageAnalysis fused = Fusion.fuse(measured, described);

    assertThat(fused.color()).isEqualTo(measured.color());
    assertThat(fused.light()).isEqualTo(measured.light());
    assertThat(fused.notes())
        .contains(
            "disagreement: openai calls the image black and white, but the measured colour is"
                + " not grayscale (mean chroma 0.040); kept the measured colour",
            "disagreement: openai describes the lighting as \"bright warm sunlight\", but the"
                + " measured key is low; kept the measured light",
            "disagreement: openai describes the lighting as \"bright warm sunlight\", but the"
                + " measured white balance is cool; kept the measured colour");
  }

  @Test
  void darkLightingAgainstAHighKeyIsNoted() throws Exception {
    ImageAnalysis fused =
        Fusion.fuse(
            measuredSnow(),
            described("{\"description\":\"a room\",\"subjects\":[],\"lighting\":\"dim\"}"));

    assertThat(fused.notes())
        .contains(
            "disagreement: openai describes the lighting as \"dim\", but the measured key is"
                + " high; kept the measured light");
  }

  @Test
  void aGrayscaleMeasurementAgreesWithBlackAndWhite() throws Exception {
    ImageAnalysis measured =
        measuredSnow(true, LightKey.MID, Temperature.NEUTRAL, MediumLabel.UNKNOWN, List.of(), "");

    ImageAnalysis fused =
        Fusion.fuse(
            measured,
            described("{\"description\":\"x\",\"subjects\":[],\"style\":\"monochrome photo\"}"));

    assertThat(fused.notes()).noneMatch(n -> n.startsWith("disagreement"));
  }

  @Test
  void withoutSubjectsTheDescriptionIsTheSubject() throws Exception {
    ImageAnalysis fused =
        Fusion.fuse(
            measuredSnow(),
            described("{\"description\":\"a red fox in fresh snow\",\"subjects\":[]}"));

    assertThat(fused.subjects())
        .extracting(Subject::label)
        .containsExactly("a red fox in fresh snow");
    assertThat(fused.subjects().get(0).confidence()).isEqualTo(Fusion.DEFAULT_CONFIDENCE);
  }

  @Test
  void aSubjectWithoutConfidenceGetsTheDocumentedDefault() throws Exception {
    ImageAnalysis fused =
        Fusion.fuse(measuredSnow(), described("{\"subjects\":[{\"name\":\"red fox\"}]}"));

    assertThat(fused.subjects().get(0).confidence()).isEqualTo(Fusion.DEFAULT_CONFIDENCE);
  }

  @Test
  void aMeasuredSubjectLendsItsBoxAndUnnamedOnesFollow() throws Exception {
    List<Subject> measuredSubjects =
        List.of(
            new Subject("tree", 0.7, List.of(0.0, 0.0, 0.2, 1.0), "detector"),
            new Subject("fox", 0.9, List.of(0.3, 0.4, 0.3, 0.3), "detector"));
    ImageAnalysis measured =
        measuredSnow(
            false, LightKey.HIGH, Temperature.COOL, MediumLabel.UNKNOWN, measuredSubjects, "");

    ImageAnalysis fused = Fusion.fuse(measured, fox());

    assertThat(fused.subjects()).extracting(Subject::label).containsExactly("red fox", "tree");
    assertThat(fused.subjects().get(0).box()).containsExactly(0.3, 0.4, 0.3, 0.3);
    assertThat(fused.subjects().get(0).source()).isEqualTo("openai");
    assertThat(fused.subjects().get(1).source()).isEqualTo("detector");
  }

  @Test
  void visibleTextFillsOnlyAnEmptyMeasurement() throws Exception {
    String json = "{\"description\":\"a sign\",\"subjects\":[],\"visible_text\":\"SHOP\"}";

    ImageAnalysis filled = Fusion.fuse(measuredSnow(), described(json));
    ImageAnalysis kept =
        Fusion.fuse(
            measuredSnow(
                false, LightKey.HIGH, Temperature.COOL, MediumLabel.UNKNOWN, List.of(), "STOP"),
            described(json));

    assertThat(filled.text().content()).isEqualTo("SHOP");
    assertThat(kept.text().content()).isEqualTo("STOP");
    assertThat(kept.notes())
        .contains(
            "disagreement: openai reads the text as \"SHOP\", measured \"STOP\"; kept the"
                + " measured text");
  }

  @Test
  void aMeasuredMediumWins() throws Exception {
    ImageAnalysis measured =
        measuredSnow(false, LightKey.HIGH, Temperature.COOL, MediumLabel.PAINTING, List.of(), "");

    ImageAnalysis fused = Fusion.fuse(measured, fox());

    assertThat(fused.medium().label()).isEqualTo(MediumLabel.PAINTING);
    assertThat(fused.notes())
        .contains(
            "disagreement: openai calls the medium photo, measured painting; kept the measured"
                + " medium");
  }

  @Test
  void styleWordsMapToMedia() {
    assertThat(Fusion.mediumOf("watercolor illustration")).isEqualTo(MediumLabel.PAINTING);
    assertThat(Fusion.mediumOf("anime illustration")).isEqualTo(MediumLabel.ILLUSTRATION);
    assertThat(Fusion.mediumOf("3D render, octane")).isEqualTo(MediumLabel.THREE_D_RENDER);
    assertThat(Fusion.mediumOf("street photography")).isEqualTo(MediumLabel.PHOTO);
    assertThat(Fusion.mediumOf("minimalist")).isNull();
  }

  static URI base() {
    return URI.create(server.baseUrl());
  }

  static Duration timeout() {
    return Duration.ofSeconds(5);
  }
}
