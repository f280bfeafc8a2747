package org.varsel.contract.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    private static final Map<String, String> DEFAULTS = Map.of(
            "shop.http.port", "8080",
            "shop.http.host", "127.0.0.1",
            "shop.db.user", "shop",
            "shop.open", "false",
            "shop.poll", "PT5S",
            "shop.rate", "0.5",
            "shop.platforms", "a, b");

    @Test
    void theEnvironmentWinsOverTheFileAndTheFileOverTheDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shop.properties");
        Files.writeString(file, "shop.http.port=9000\nshop.db.user=file-user\n");
        Settings settings = Settings.read(
                "shop",
                DEFAULTS,
                Optional.of(file),
                Map.of("VARSEL_SHOP_DB_USER", "env-user", "VARSEL_SHOP_HTTP_HOST", " 0.0.0.0 ", "UNRELATED", "x"));
        assertThat(settings.integer("shop.http.port")).as("file over default").isEqualTo(9000);
        assertThat(settings.text("shop.db.user")).as("environment over file").isEqualTo("env-user");
        assertThat(settings.text("shop.http.host"))
                .as("environment over default, trimmed")
                .isEqualTo("0.0.0.0");
        assertThat(settings.flag("shop.open")).as("default").isFalse();
        assertThat(settings.duration("shop.poll")).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.list("shop.platforms")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void theEnvironmentVariableOfAKeyIsVarselAndTheKeyUpperCasedWithDotsAndDashesAsUnderscores() {
        assertThat(Settings.environmentVariable("desk.demo.anonymous-read"))
                .isEqualTo("VARSEL_DESK_DEMO_ANONYMOUS_READ");
        assertThat(Settings.environmentVariable("pipeline.kafka.bootstrap"))
                .isEqualTo("VARSEL_PIPELINE_KAFKA_BOOTSTRAP");
    }

    @Test
    void anUnknownKeyOfTheComponentIsRefusedNamingTheNearestKnownKey() {
        assertThatThrownBy(() -> Settings.of("shop", DEFAULTS, Map.of("shop.http.prot", "1")))
                .hasMessage("unknown shop setting: shop.http.prot (did you mean shop.http.port?)");
        assertThatThrownBy(() -> Settings.of("shop", DEFAULTS, Map.of("shop.db.usr", "x")))
                .hasMessageContaining("did you mean shop.db.user?");
    }

    @Test
    void anotherComponentsKeysAreLeftToIt() {
        assertThat(Settings.of("shop", DEFAULTS, Map.of("till.anything", "x", "shopping.list", "y"))
                        .text("shop.db.user"))
                .isEqualTo("shop");
    }

    @Test
    void aBadValueNamesItsKeyAndWhatItShouldLookLike() {
        assertThatThrownBy(() -> Settings.of("shop", DEFAULTS, Map.of("shop.http.port", "eighty"))
                        .integer("shop.http.port"))
                .hasMessage("shop.http.port=eighty is not a whole number");
        assertThatThrownBy(() -> Settings.of("shop", DEFAULTS, Map.of("shop.rate", "lots"))
                        .decimal("shop.rate"))
                .hasMessage("shop.rate=lots is not a number");
        assertThatThrownBy(() -> Settings.of("shop", DEFAULTS, Map.of("shop.open", "yes"))
                        .flag("shop.open"))
                .hasMessage("shop.open=yes must be true or false");
        assertThatThrownBy(() ->
                        Settings.of("shop", DEFAULTS, Map.of("shop.poll", "5s")).duration("shop.poll"))
                .hasMessageContaining("shop.poll=5s is not an ISO-8601 duration");
    }
}
