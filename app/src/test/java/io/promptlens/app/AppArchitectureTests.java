package io.promptlens.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's feature packages and their one-way dependencies: generations builds on analyses, the
 * page ({@code web}) sits on top, {@code system} wires engine objects and knows no feature. {@link
 * #MAY_USE} declares, for every package directly under {@code io.promptlens.app}, the other app
 * packages it may use; a new package fails {@link #everyAppPackageDeclaresWhatItMayUse} until it is
 * added there.
 */
class AppArchitectureTests {

  private static final String ROOT = "io.promptlens.app";

  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  /**
   * Each app package and the app packages it may depend on (besides itself). Every feature may use
   * {@code system}, the cross-cutting configuration; nothing may use {@code web}, the page on top.
   */
  private static final Map<String, Set<String>> MAY_USE =
      Map.ofEntries(
          entry("system", Set.of()),
          entry("accounts", Set.of("system")),
          entry("workspaces", Set.of("system", "accounts")),
          entry("billing", Set.of("system", "accounts", "workspaces")),
          entry("providers", Set.of("system")),
          entry("privacy", Set.of("system", "accounts", "workspaces")),
          entry("analyses", Set.of("system", "accounts", "workspaces", "billing")),
          entry("presets", Set.of("system", "accounts", "workspaces", "analyses")),
          entry("generations", Set.of("system", "workspaces", "billing", "analyses")),
          entry("library", Set.of("system", "accounts", "workspaces", "generations")),
          entry(
              "batches",
              Set.of("system", "accounts", "workspaces", "billing", "analyses", "generations")),
          entry("web", Set.of("system", "accounts", "workspaces", "generations")));

  @Test
  void everyAppPackageDeclaresWhatItMayUse() {
    Set<String> packages =
        APP.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith(ROOT + "."))
            .map(name -> name.substring(ROOT.length() + 1).split("\\.")[0])
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(packages)
        .as("the packages under %s, each needing a row in MAY_USE", ROOT)
        .containsExactlyInAnyOrderElementsOf(MAY_USE.keySet());
  }

  @Test
  void eachAppPackageUsesOnlyWhatItDeclares() {
    MAY_USE.forEach(
        (feature, allowed) -> {
          String[] forbidden =
              MAY_USE.keySet().stream()
                  .filter(other -> !other.equals(feature) && !allowed.contains(other))
                  .map(other -> ROOT + "." + other + "..")
                  .toArray(String[]::new);
          noClasses()
              .that()
              .resideInAPackage(ROOT + "." + feature + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden)
              .because(feature + " may use only " + new TreeSet<>(allowed) + " (MAY_USE)")
              .check(APP);
        });
  }

  @Test
  void appPackagesHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(APP);
  }

  @Test
  void analysesKnowNothingOfGenerationsOrThePage() {
    noClasses()
        .that()
        .resideInAPackage("..app.analyses..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..app.generations..", "..app.web..")
        .check(APP);
  }

  @Test
  void accountsKnowNoOtherFeature() {
    noClasses()
        .that()
        .resideInAPackage("..app.accounts..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..app.workspaces..", "..app.analyses..", "..app.generations..", "..app.web..")
        .because("workspaces hear of new accounts through the UserRegistered event")
        .check(APP);
  }

  @Test
  void workspacesKnowNothingOfWhatIsStoredInThem() {
    noClasses()
        .that()
        .resideInAPackage("..app.workspaces..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..app.analyses..", "..app.generations..", "..app.web..", "..app.billing..")
        .check(APP);
  }

  @Test
  void nothingDependsOnTheLibrary() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..app.library..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..app.library..")
        .because("the library builds on generations and workspaces, not the other way round")
        .check(APP);
  }

  @Test
  void nothingDependsOnBatches() {
    noClasses()
        .that()
        .resideOutsideOfPackage("..app.batches..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..app.batches..")
        .because("batches build on analyses, generations and workspaces, not the other way round")
        .check(APP);
  }

  @Test
  void billingKnowsNothingOfWhatItChargesFor() {
    noClasses()
        .that()
        .resideInAPackage("..app.billing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..app.analyses..", "..app.generations..", "..app.web..")
        .because("the paid paths call Credits; billing must not know them")
        .check(APP);
  }

  @Test
  void noFeatureDependsOnThePage() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..app.accounts..",
            "..app.workspaces..",
            "..app.analyses..",
            "..app.generations..",
            "..app.system..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..app.web..")
        .check(APP);
  }

  @Test
  void systemKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("..app.system..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "..app.accounts..", "..app.workspaces..", "..app.analyses..", "..app.generations..")
        .check(APP);
  }

  @Test
  void controllersAreThinAndPackagePrivate() {
    classes()
        .that()
        .areAnnotatedWith(RestController.class)
        .or()
        .areAnnotatedWith(Controller.class)
        .should()
        .notHaveModifier(JavaModifier.PUBLIC)
        .check(APP);
  }

  @Test
  void theAppKeepsNoSessionState() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("jakarta.servlet.http.HttpSession")
        .because(
            "no code keeps state in the HTTP session by hand: Spring Security's sign-in is the"
                + " only session state, and Spring Session keeps it in the database")
        .check(APP);
  }
}
