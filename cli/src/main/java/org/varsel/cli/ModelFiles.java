package org.varsel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The files {@code model train} and {@code model evaluate} both read or write, named alike in both. */
final class ModelFiles {
    @Option(
            names = "--data",
            defaultValue = "${sys:varsel.home:-.}/data/training",
            description =
                    "Directory with the copied training data (evaluate reads it with --held-out). Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(
            names = "--suite",
            defaultValue = "${sys:varsel.home:-.}/data/functional",
            description =
                    "The functional suite: suite-*.tsv and its floors.yaml (train measures it before and after, with "
                            + "verdicts). Default: ${DEFAULT-VALUE}")
    Path suite;

    @Option(
            names = "--rules",
            defaultValue = "${sys:varsel.home:-.}/rules",
            description = "The rules of the flagging path the suite runs through (checked as the build checks them). "
                    + "Default: ${DEFAULT-VALUE}")
    Path rules;

    @Option(
            names = "--report",
            defaultValue = "${sys:varsel.home:-.}/docs/model-evaluation.md",
            description = "The evaluation report (Markdown): train rewrites its held-out section, evaluate its "
                    + "functional-suite section. Default: ${DEFAULT-VALUE}")
    Path report;
}
