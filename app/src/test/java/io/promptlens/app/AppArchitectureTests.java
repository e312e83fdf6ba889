package io.promptlens.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's feature packages and their one-way dependencies: generations builds on analyses, the
 * page ({@code web}) sits on top, {@code system} wires engine objects and knows no feature.
 */
class AppArchitectureTests {

  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.promptlens.app");

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
