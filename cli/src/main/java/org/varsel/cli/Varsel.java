package org.varsel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./varsel} command: one entry point for the demo, the tools and the services. */
@Command(
        name = "varsel",
        versionProvider = VarselVersion.class,
        description = "Varsel watches for disinformation campaigns and digitally incited violence.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ReplayCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            ClassifyCommand.class,
            ModelCommand.class,
            RulesCommand.class,
            PartnerCommand.class,
            UserCommand.class,
            PrivacyCommand.class,
        })
public final class Varsel extends CommandGroup {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Varsel()).execute(args));
    }
}
