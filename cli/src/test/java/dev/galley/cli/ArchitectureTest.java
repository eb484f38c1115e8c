package dev.galley.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md: dependencies point one way. */
class ArchitectureTest {
    static final JavaClasses GALLEY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // other modules' test fixtures
            .importPackages("dev.galley");

    @Test
    void core_dependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("dev.galley.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.galley.chef..", "dev.galley.lab..",
                        "dev.galley.knife..", "dev.galley.cli..")
                .check(GALLEY);
    }

    @Test
    void chefClientAndLab_dependOnCoreOnly() {
        noClasses().that().resideInAPackage("dev.galley.chef..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.galley.lab..", "dev.galley.knife..",
                        "dev.galley.cli..")
                .check(GALLEY);
        noClasses().that().resideInAPackage("dev.galley.lab..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.galley.chef..", "dev.galley.knife..",
                        "dev.galley.cli..")
                .check(GALLEY);
    }

    @Test
    void ssh_dependsOnCoreOnly_andLabNotOnSsh() {
        noClasses().that().resideInAPackage("dev.galley.ssh..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.galley.chef..", "dev.galley.lab..",
                        "dev.galley.knife..", "dev.galley.cli..")
                .check(GALLEY);
        noClasses().that().resideInAnyPackage("dev.galley.lab..", "dev.galley.chef..", "dev.galley.core..")
                .should().dependOnClassesThat().resideInAPackage("dev.galley.ssh..")
                .check(GALLEY);
    }

    @Test
    void knifeBridge_doesNotDependOnTheCli() {
        noClasses().that().resideInAPackage("dev.galley.knife..")
                .should().dependOnClassesThat().resideInAPackage("dev.galley.cli..")
                .check(GALLEY);
    }

    @Test
    void onlyTheCli_usesTheLoggingBackendOrExits() {
        noClasses().that().resideOutsideOfPackage("dev.galley.cli..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(GALLEY);
        noClasses().that().resideOutsideOfPackage("dev.galley.cli..")
                .should().callMethod(System.class, "exit", int.class)
                .check(GALLEY);
    }
}
