package org.varsel.desk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskConfigTest {

  @Test
  void defaultsListenOnLoopbackPort8080WithoutAnonymousReads() {
    DeskConfig config = DeskConfig.defaults();
    assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.kafkaGroup()).isEqualTo("varsel-desk");
    assertThat(config.demoAnonymousRead()).isFalse();
  }

  @Test
  void environmentOverridesThePropertiesFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("desk.properties");
    Files.writeString(file, "desk.http.port=9000\ndesk.db.user=file-user\ndesk.demo.anonymous-read=true\n");
    DeskConfig config = DeskConfig.load(Optional.of(file),
        Map.of("VARSEL_DESK_DB_USER", "env-user", "VARSEL_DESK_DB_PASSWORD", "s3cret", "UNRELATED", "x"));
    assertThat(config.httpPort()).isEqualTo(9000);
    assertThat(config.dbUser()).isEqualTo("env-user");
    assertThat(config.dbPassword()).isEqualTo("s3cret");
    assertThat(config.demoAnonymousRead()).isTrue();
  }

  @Test
  void environmentNamesAreTheKeysUpperCasedWithUnderscores() {
    assertThat(DeskConfig.environmentName("desk.demo.anonymous-read")).isEqualTo("VARSEL_DESK_DEMO_ANONYMOUS_READ");
  }

  @Test
  void toStringNeverShowsThePassword() {
    DeskConfig config = DeskConfig.fromMap(Map.of("desk.db.password", "hunter2-very-secret"));
    assertThat(config.toString()).doesNotContain("hunter2").contains("dbPassword=(set)");
  }

  @Test
  void theHandleKeyComesFromTheEnvironmentAndIsNeverShown() {
    DeskConfig config = DeskConfig.load(java.util.Optional.empty(),
        Map.of("VARSEL_DESK_PRIVACY_HANDLE_KEY", "pipeline-secret-of-forty-characters-xx"));
    assertThat(config.handleKey()).isEqualTo("pipeline-secret-of-forty-characters-xx");
    assertThat(config.toString()).doesNotContain("pipeline-secret").contains("handleKey=(set)");
  }

  @Test
  void refusesMisspelledKeysAndBadValues() {
    assertThatThrownBy(() -> DeskConfig.fromMap(Map.of("desk.http.prot", "1")))
        .hasMessageContaining("unknown desk setting: desk.http.prot");
    assertThatThrownBy(() -> DeskConfig.fromMap(Map.of("desk.http.port", "70000"))).hasMessageContaining("0-65535");
    assertThatThrownBy(() -> DeskConfig.fromMap(Map.of("desk.demo.anonymous-read", "yes")))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> DeskConfig.fromMap(Map.of("desk.db.url", "jdbc:h2:mem:x")))
        .hasMessageContaining("jdbc:postgresql:");
  }
}
