package io.promptlens.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.ClassesShould;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md: dependencies point one way (cli/app → vision,
 * providers → core; cli → models → vision), core has no I/O and no framework, vision and providers
 * do not know each other, only the CLI installs models and the runtime starts no process. Maven's
 * module graph already stops cli from seeing app; this test stops the rest.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.promptlens");

  /**
   * What no class of one module (a package pattern such as {@code io.promptlens.core..}) should do.
   */
  private static ClassesShould noClassOf(String module) {
    return noClasses().that().resideInAPackage(module).should();
  }

  private static final List<String> MODULES =
      List.of("core", "vision", "providers", "engine", "models", "cli", "app");

  /** The package patterns of all our modules but {@code allowed}. */
  private static String[] modulesExcept(String... allowed) {
    return MODULES.stream()
        .filter(module -> !List.of(allowed).contains(module))
        .map(module -> "io.promptlens." + module + "..")
        .toArray(String[]::new);
  }

  @Test
  void coreDependsOnNothingOfOurs() {
    noClassOf("io.promptlens.core..")
        .dependOnClassesThat()
        .resideInAnyPackage(modulesExcept("core"))
        .check(CLASSES);
  }

  @Test
  void coreDoesNoFileNetworkOrImageIoAndUsesNoFramework() {
    // Reading its own classpath data (a tokenizer vocabulary) through streams is allowed; files,
    // sockets, processes, images and frameworks are not.
    noClasses()
        .that()
        .resideInAPackage("io.promptlens.core..")
        .should()
        .dependOnClassesThat()
        .haveNameMatching(
            "java\\.io\\.(File|RandomAccessFile).*|java\\.nio\\.(file|channels)\\..*"
                + "|java\\.net\\..*|java\\.lang\\.Process.*|java\\.awt\\..*|javax\\.imageio\\..*"
                + "|org\\.springframework\\..*|tools\\.jackson\\..*|com\\.fasterxml\\..*")
        .because("core is pure: the model and the compiler, testable without files or frameworks")
        .check(CLASSES);
  }

  @Test
  void visionAndProvidersOnlyDependOnCore() {
    noClassOf("io.promptlens.vision..")
        .dependOnClassesThat()
        .resideInAnyPackage(modulesExcept("vision", "core"))
        .check(CLASSES);
    noClassOf("io.promptlens.providers..")
        .dependOnClassesThat()
        .resideInAnyPackage(modulesExcept("providers", "core"))
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  @Test
  void theEngineSitsOnVisionAndProvidersAndUnderTheFrontEnds() {
    noClassOf("io.promptlens.engine..")
        .dependOnClassesThat()
        .resideInAnyPackage("io.promptlens.cli..", "io.promptlens.app..")
        .check(CLASSES);
  }

  @Test
  void onlyTheCliInstallsModels() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.promptlens.models..", "io.promptlens.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.promptlens.models..")
        .because(
            "installing (npm, tarballs, conversion) is the models command's job, not the runtime's")
        .check(CLASSES);
  }

  @Test
  void theRuntimeStartsNoProcessAndReadsNoTarball() {
    noClasses()
        .that()
        .resideInAnyPackage("io.promptlens.core..", "io.promptlens.vision..")
        .should()
        .dependOnClassesThat()
        .haveNameMatching(
            "java\\.lang\\.Process.*|java\\.util\\.zip\\.GZIPInputStream|org\\.apache\\.commons\\.compress\\..*")
        .because("vision loads installed models; fetching them lives in the models module")
        .check(CLASSES);
  }

  @Test
  void modelsDependsOnNoOtherModuleButVisionAndCore() {
    noClassOf("io.promptlens.models..")
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.promptlens.providers..", "io.promptlens.cli..", "io.promptlens.app..")
        .check(CLASSES);
  }

  @Test
  void nothingButTheCliDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.promptlens.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.promptlens.cli..")
        .check(CLASSES);
  }
}
