package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EveryCommandHasHelpTest {

    @Test
    void everyCommandAndSubcommandOfVarselAnswersHelpAndVersion() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new Varsel()), commands);

        assertThat(commands).hasSizeGreaterThan(25);
        for (CommandLine command : commands) {
            assertThat(command.getCommandSpec().findOption("--help"))
                    .as(command.getCommandSpec().qualifiedName())
                    .isNotNull();
            if (!command.getCommandSpec().helpCommand()) { // picocli's own `help` prints help, nothing else
                assertThat(command.getCommandSpec().findOption("--version"))
                        .as(command.getCommandSpec().qualifiedName())
                        .isNotNull();
            }
        }
    }

    @Test
    void aNestedSubcommandPrintsItsUsageOnHelp() {
        StringWriter out = new StringWriter();
        CommandLine varsel = new CommandLine(new Varsel()).setOut(new PrintWriter(out, true));

        assertThat(varsel.execute("partner", "revoke", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: varsel partner revoke").contains("--token-id");
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, all));
    }
}
