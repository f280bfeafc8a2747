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
 * packages comes back to where it started, and Flink stays in the operators and the Kafka endpoints, out of the domain.
 * The root package (the topology and its settings) is outside the slices: {@code io} still reads
 * {@link PipelineSettings} there, until the settings have a package of their own (issue 21).
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
    slices().matching("org.varsel.pipeline.(*)..").should().beFreeOfCycles().check(mainCode);
  }

  @Test
  void onlyTheOperatorsAndTheKafkaEndpointsUseFlink() {
    noClasses().that().resideInAPackage("org.varsel.pipeline.*..")
        .and().resideOutsideOfPackages("org.varsel.pipeline.operators..", "org.varsel.pipeline.io..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.flink..")
        .check(mainCode);
  }
}
