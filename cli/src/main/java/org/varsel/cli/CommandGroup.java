package org.varsel.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code ./varsel user}, {@code partner}, ...): alone, it prints its usage. */
// Declared once here and inherited by every group and every subcommand below one: each command has --help and
// --version.
@Command(mixinStandardHelpOptions = true, scope = ScopeType.INHERIT)
abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
