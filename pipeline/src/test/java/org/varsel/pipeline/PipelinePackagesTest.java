package org.varsel.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's package map (docs/architecture.md) holds in its main code: no chain of dependencies among its
 * packages (the root package with the topology included) comes back to where it started, and Flink stays in the
 * operators, the Kafka endpoints and the topology, out of the domain.
 */
class PipelinePackagesTest {
    private static JavaClasses mainCode;

    @BeforeAll
    static void importMainCode() {
        mainCode = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.varsel.pipeline");
    }

    @Test
    void noPackageOfThePipelineDependsBackOnItself() {
        slices().matching("org.varsel.(**)").should().beFreeOfCycles().check(mainCode);
    }

    @Test
    void onlyTheOperatorsAndTheKafkaEndpointsUseFlink() {
        noClasses()
                .that()
                .resideInAPackage("org.varsel.pipeline.*..")
                .and()
                .resideOutsideOfPackages("org.varsel.pipeline.operators..", "org.varsel.pipeline.io..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.flink..")
                .check(mainCode);
    }
}
