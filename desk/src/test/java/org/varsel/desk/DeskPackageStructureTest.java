package org.varsel.desk;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The desk's package map of docs/architecture.md holds in the code: no desk package depends, through any chain, on a
 * package that depends back on it.
 */
class DeskPackageStructureTest {

    @Test
    void deskPackagesHaveNoCycles() {
        JavaClasses deskMainCode = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.varsel.desk");
        slices().matching("org.varsel.desk.(**)").should().beFreeOfCycles().check(deskMainCode);
    }
}
