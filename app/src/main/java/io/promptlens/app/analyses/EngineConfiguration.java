package io.promptlens.app.analyses;

import io.promptlens.engine.AnalysisEngine;
import io.promptlens.providers.VisionProvider;
import io.promptlens.vision.ImageAnalyzer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine the command line also runs, with the app's notes and its configured provider. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  static final AnalysisEngine.Notes NOTES =
      new AnalysisEngine.Notes(
          "no vision-language provider configured: the local engine ran alone"
              + " (set promptlens.provider.kind)",
          "the vision-language provider is not enabled for this workspace (a workspace setting;"
              + " never for anonymous use): the local engine ran alone");

  /**
   * Not closed by the container: the neural analyzers inside the analyzer are a bean of their own.
   */
  @Bean(destroyMethod = "")
  AnalysisEngine analysisEngine(ImageAnalyzer analyzer, ObjectProvider<VisionProvider> provider) {
    return new AnalysisEngine(analyzer, provider.getIfAvailable(), NOTES);
  }
}
