package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.pipeline.rules.BundledRules;

class BenchRulesTest {

    @Test
    void benchRulesDirectoryHoldsTheBundledRulesWithTheirLexiconsPlusGeneratedOnesAndPassesTheChecks(@TempDir Path work)
            throws Exception {
        BenchCommand bench = new BenchCommand();
        bench.rules = BundledRules.load().rules().size() + 100;
        Path home = Path.of(System.getProperty("varsel.home", "..")).toAbsolutePath();

        Path dir = bench.rulesDirectory(home, work, new BenchWorkload(Optional.empty(), 0));

        assertThat(BundledRules.fromDirectory(dir).rules()).hasSize(bench.rules);
    }
}
