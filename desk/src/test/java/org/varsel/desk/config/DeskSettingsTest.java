package org.varsel.desk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.contract.settings.Settings;
import org.varsel.desk.intake.IntakeConfig;
import org.varsel.desk.retention.RetentionConfig;

class DeskSettingsTest {

    @Test
    void defaultsListenOnLoopbackPort8080WithoutAnonymousReads() {
        DeskConfig config = DeskSettings.defaults().desk();
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.kafkaGroup()).isEqualTo("varsel-desk");
        assertThat(config.demoAnonymousRead()).isFalse();
    }

    @Test
    void environmentOverridesThePropertiesFileForEveryPart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("desk.properties");
        Files.writeString(
                file,
                "desk.http.port=9000\ndesk.db.user=file-user\ndesk.demo.anonymous-read=true\n"
                        + "desk.retention.enabled=false\ndesk.intake.rate-limit.burst=5\n");
        DeskSettings settings = DeskSettings.load(
                Optional.of(file),
                Map.of(
                        "VARSEL_DESK_DB_USER",
                        "env-user",
                        "VARSEL_DESK_DB_PASSWORD",
                        "s3cret",
                        "VARSEL_DESK_INTAKE_RATE_LIMIT_BURST",
                        "7",
                        "UNRELATED",
                        "x"));
        assertThat(settings.desk().httpPort()).isEqualTo(9000);
        assertThat(settings.desk().dbUser()).isEqualTo("env-user");
        assertThat(settings.desk().dbPassword()).isEqualTo("s3cret");
        assertThat(settings.desk().demoAnonymousRead()).isTrue();
        assertThat(settings.retention().enabled())
                .as("a retention key in the desk's file")
                .isFalse();
        assertThat(settings.intake().burst())
                .as("the environment over the file, for intake too")
                .isEqualTo(7);
    }

    @Test
    void environmentNamesAreTheKeysUpperCasedWithUnderscores() {
        assertThat(Settings.environmentVariable("desk.demo.anonymous-read"))
                .isEqualTo("VARSEL_DESK_DEMO_ANONYMOUS_READ");
    }

    @Test
    void toStringNeverShowsThePassword() {
        DeskConfig config = DeskSettings.fromMap(Map.of("desk.db.password", "hunter2-very-secret"))
                .desk();
        assertThat(config.toString()).doesNotContain("hunter2").contains("dbPassword=(set)");
    }

    @Test
    void theHandleKeyComesFromTheEnvironmentAndIsNeverShown() {
        DeskConfig config = DeskSettings.load(
                        java.util.Optional.empty(),
                        Map.of("VARSEL_DESK_PRIVACY_HANDLE_KEY", "pipeline-secret-of-forty-characters-xx"))
                .desk();
        assertThat(config.handleKey()).isEqualTo("pipeline-secret-of-forty-characters-xx");
        assertThat(config.toString()).doesNotContain("pipeline-secret").contains("handleKey=(set)");
    }

    @Test
    void refusesMisspelledKeysNamingTheKeyMeantAndBadValues() {
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of("desk.http.prot", "1")))
                .hasMessage("unknown desk setting: desk.http.prot (did you mean desk.http.port?)");
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of("desk.http.port", "70000")))
                .hasMessageContaining("0-65535");
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of("desk.demo.anonymous-read", "yes")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of("desk.db.url", "jdbc:h2:mem:x")))
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void everyKeyOfEveryPartIsDocumentedInConfigurationMdWithItsDefault() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        Matcher rows = Pattern.compile("\\| `(desk\\.[a-z.-]+)` \\|").matcher(doc);
        java.util.Set<String> documented = new java.util.TreeSet<>();
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        assertThat(documented)
                .as("documented keys the desk reads")
                .containsExactlyInAnyOrderElementsOf(DeskSettings.DEFAULTS.keySet());
        assertThat(DeskSettings.DEFAULTS).containsKeys(IntakeConfig.BURST, RetentionConfig.ENABLED);
    }
}
