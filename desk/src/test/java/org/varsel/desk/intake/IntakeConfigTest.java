package org.varsel.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.desk.config.DeskSettings;

class IntakeConfigTest {

    @Test
    void theEnvironmentOverridesAndTheDeskLeavesIntakeKeysToIntake() {
        IntakeConfig config = DeskSettings.load(
                        Optional.empty(),
                        Map.of(
                                "VARSEL_DESK_INTAKE_RATE_LIMIT_REQUESTS_PER_MINUTE", "60",
                                "VARSEL_DESK_INTAKE_FEEDS_FILE", "/etc/varsel/feeds.yaml",
                                "VARSEL_DESK_INTAKE_PUBLISH_TIMEOUT", "PT5S"))
                .intake();
        assertThat(config.requestsPerMinute()).isEqualTo(60);
        assertThat(config.feedsFile()).contains(Path.of("/etc/varsel/feeds.yaml"));
        assertThat(config.publishTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(DeskSettings.fromMap(Map.of(IntakeConfig.BURST, "10"))
                        .intake()
                        .burst())
                .isEqualTo(10);
    }

    @Test
    void aMistypedIntakeKeyIsRefused() {
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of("desk.intake.rate-limt.burst", "10")))
                .hasMessage(
                        "unknown desk setting: desk.intake.rate-limt.burst (did you mean desk.intake.rate-limit.burst?)");
    }
}
