package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.cli.demo.Demo;
import org.varsel.cli.demo.DemoSample;
import org.varsel.contract.Json;

/** {@code ./varsel demo}: one call starts everything, incidents are served within 90 s, credentials are written. */
class DemoTest {

  @Test
  void startsTheWholeSystemAndServesTheSampleIncidentsWithin90Seconds(@TempDir Path state) throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    DemoSample sample = DemoSample.bundled();
    long labelled = sample.entries().stream().filter(e -> e.signal().has("labels")).count();
    try (Demo demo = Demo.start(new Demo.Options(state, "127.0.0.1", 0, Optional.empty(), "varsel", "", 2, Optional.of(sample)),
        new PrintStream(progress, true, StandardCharsets.UTF_8))) {
      assertThat(progress.toString(StandardCharsets.UTF_8)).contains("Kafka", "PostgreSQL", "Desk", "Pipeline", "Sample");
      DeskApi api = new DeskApi(demo.deskUrl());

      JsonNode all = api.awaitJson("/api/v1/incidents?limit=100", Optional.empty(), Duration.ofSeconds(90),
          page -> page.get("total").asInt() >= labelled);
      assertThat(all.get("items").findValuesAsText("kind")).contains("partner-assessment");

      Path file = state.resolve("demo-credentials.json");
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      JsonNode credentials = Json.mapper().readTree(file.toFile());
      assertThat(credentials.get("partners")).hasSize(2);
      assertThat(credentials.get("analyst").get("user").asText()).isEqualTo("analyst");
      assertThat(credentials.get("analyst").get("password").asText()).hasSizeGreaterThan(12);
      assertThat(credentials.get("lead").get("user").asText()).isEqualTo("lead");

      String ngoB = credentials.get("partners").get(1).get("token").asText();
      JsonNode partnerView = api.getJson("/api/v1/incidents?limit=100", Optional.of(ngoB));
      assertThat(partnerView.get("total").asInt()).isPositive().isLessThan(all.get("total").asInt());
      partnerView.get("items").forEach(item -> assertThat(item.get("sources").toString()).contains("partner:ngo-b"));
      String analystToken = credentials.get("analyst").get("token").asText();
      assertThat(api.getJson("/api/v1/incidents?limit=1", Optional.of(analystToken)).get("total").asInt())
          .isEqualTo(all.get("total").asInt());
    }
  }
}
