package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The build's gate on {@code rules/}: the same check as {@code ./varsel rules check}. */
class RulePacksInRepositoryTest {

  private static final Path RULES = Path.of("..", "rules");

  @Test
  void everyRuleInTheRepositoryParsesValidatesAndPassesAllItsExamples() {
    RuleCheck.Report report = RuleCheck.run(RULES);

    assertThat(report.errors()).as(report.summary()).isEmpty();
    assertThat(report.pack()).isPresent();
    assertThat(report.rules()).isGreaterThanOrEqualTo(25);
    assertThat(report.examplesRun()).isGreaterThanOrEqualTo(6 * report.rules());
  }
}
