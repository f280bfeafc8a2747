package org.varsel.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of docs/architecture.md holds in the code: no package of the main code depends, through any chain,
 * on a package that depends back on it, and the modules keep their direction (contract ← pipeline, desk ← cli).
 */
class PackageStructureTest {

    private static JavaClasses mainCode;

    @BeforeAll
    static void importMainCode() {
        mainCode = new ClassFileImporter()
                // the other modules reach the cli as directories (compile) or jars (verify): both count, their tests do
                // not
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("org.varsel");
    }

    @Test
    void noPackageCycles() {
        assertThat(mainCode.containPackage("org.varsel.desk.http"))
                .as("the desk's classes were imported")
                .isTrue();
        assertThat(mainCode.containPackage("org.varsel.pipeline.operators"))
                .as("the pipeline's classes were imported")
                .isTrue();
        slices().matching("org.varsel.(**)").should().beFreeOfCycles().check(mainCode);
    }
}
