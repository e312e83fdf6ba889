package io.promptlens.app.system;

import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.providers.ProviderConfig;
import io.promptlens.providers.ProviderKind;
import io.promptlens.providers.Providers;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.ImageAnalyzer;
import io.promptlens.vision.json.AnalysisJson;
import io.promptlens.vision.models.ModelManifest;
import io.promptlens.vision.models.ModelStore;
import io.promptlens.vision.neural.NeuralAnalyzers;
import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The engine objects the features share: one analyzer, one compiler, one JSON contract. */
@Configuration(proxyBeanMethods = false)
class AnalysisConfiguration {

  /**
   * Head-room over the intake limit for the servlet's multipart parser. Anything a little over the
   * limit still reaches intake, whose message names the limit; only far larger requests are cut off
   * by the container (and still answered with 413).
   */
  static final DataSize MULTIPART_HEADROOM = DataSize.ofKilobytes(64);

  /**
   * The neural models (objects, faces, text, safety), loaded once and shared by every request;
   * {@code promptlens.neural.enabled=false} turns them off. Missing models are notes in each
   * analysis, never a failed start.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(
      prefix = "promptlens.neural",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  NeuralAnalyzers neuralAnalyzers(@Value("${promptlens.models.dir:}") String modelsDir) {
    Path root = modelsDir.isBlank() ? ModelStore.defaultRoot() : Path.of(modelsDir);
    return NeuralAnalyzers.load(new ModelStore(root, ModelManifest.builtIn()));
  }

  @Bean
  ImageAnalyzer imageAnalyzer(IntakeProperties intake, ObjectProvider<NeuralAnalyzers> neural) {
    // Thread-safe by contract: one instance serves every request.
    return new ImageAnalyzer(intake.toLimits(), neural.getIfAvailable());
  }

  /**
   * The vision-language provider, only when {@code promptlens.provider.kind} is set. A wrong
   * setting (unknown kind, missing key) stops start-up with the one-line reason.
   */
  @Bean
  @ConditionalOnProperty(prefix = "promptlens.provider", name = "kind")
  VisionProvider visionProvider(ProviderProperties provider) {
    java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
    if (provider.catalog() != null && !provider.catalog().isBlank()) {
      env.put(io.promptlens.providers.ProviderCatalog.OVERRIDE_VARIABLE, provider.catalog());
    }
    return Providers.create(
        ProviderConfig.fromEnvironment(
            ProviderKind.parse(provider.kind()), provider.model(), provider.baseUrl(), env));
  }

  @Bean
  PromptCompiler promptCompiler() {
    return new PromptCompiler();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Replaces Boot's multipart settings so they follow {@code promptlens.intake.max-bytes}. */
  @Bean
  MultipartConfigElement multipartConfigElement(
      IntakeProperties intake,
      @Value("${promptlens.batches.max-upload-bytes:512MB}") DataSize batchUpload) {
    long file = intake.maxBytes().toBytes() + MULTIPART_HEADROOM.toBytes();
    MultipartConfigFactory factory = new MultipartConfigFactory();
    // One part (an image, or a batch's ZIP) may not exceed a whole batch upload; single-image
    // endpoints read only their 'image' part, whose size intake checks.
    factory.setMaxFileSize(DataSize.ofBytes(Math.max(file, batchUpload.toBytes())));
    // Room for the small text fields (target, mode, controls) that travel with the image; a
    // batch upload (many images in one request) is bounded by promptlens.batches.max-upload-bytes.
    factory.setMaxRequestSize(
        DataSize.ofBytes(Math.max(file, batchUpload.toBytes()) + MULTIPART_HEADROOM.toBytes()));
    factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
    return factory.createMultipartConfig();
  }

  /** Boot's mapper writes the analysis exactly as the CLI does: lower-case enums, nulls kept. */
  @Bean
  JsonMapperBuilderCustomizer analysisJsonContract() {
    return AnalysisJson::configure;
  }
}
