package org.varsel.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.desk.config.DeskConfig;

class IntakeConfigTest {

  @Test
  void theEnvironmentOverridesAndTheDeskLeavesIntakeKeysToIntake() {
    IntakeConfig config = IntakeConfig.load(Optional.empty(), Map.of(
        "VARSEL_DESK_INTAKE_RATE_LIMIT_REQUESTS_PER_MINUTE", "60",
        "VARSEL_DESK_INTAKE_FEEDS_FILE", "/etc/varsel/feeds.yaml",
        "VARSEL_DESK_INTAKE_PUBLISH_TIMEOUT", "PT5S"));
    assertThat(config.requestsPerMinute()).isEqualTo(60);
    assertThat(config.feedsFile()).contains(Path.of("/etc/varsel/feeds.yaml"));
    assertThat(config.publishTimeout()).isEqualTo(Duration.ofSeconds(5));
    DeskConfig.fromMap(Map.of(IntakeConfig.BURST, "10"));
  }

  @Test
  void aMistypedIntakeKeyIsRefused() {
    assertThatThrownBy(() -> IntakeConfig.fromMap(Map.of("desk.intake.rate-limt.burst", "10")))
        .hasMessageContaining("unknown intake setting");
  }
}
