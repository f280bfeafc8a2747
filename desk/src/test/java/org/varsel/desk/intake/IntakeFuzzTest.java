package org.varsel.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.intake.IntakeTestSupport.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;
import org.varsel.desk.Desk;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** Mutated payloads against the real desk: every answer is an acceptance or a rejection with a reason, never a 5xx. */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class IntakeFuzzTest {
    private static final int PAYLOADS = 10_000;
    private static final long SEED = 20250301L;
    private static final Set<Integer> REJECTIONS = Set.of(400, 409, 413, 415, 422);

    @Test
    void tenThousandMutatedSignalsAreEachAcceptedOrRejectedWithAReasonAndNeverA5xx(
            LocalKafka kafka, PostgresDatabase database) throws Exception {
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        try (Desk desk = Desk.start(IntakeTestSupport.config(
                kafka, database, Map.of(IntakeConfig.REQUESTS_PER_MINUTE, "1000000", IntakeConfig.BURST, "1000000")))) {
            String token = desk.credentials()
                    .createPartner("fuzz-ngo", "Fuzz", Optional.empty(), Tlp.GREEN, "t")
                    .token();
            Random random = new Random(SEED);
            List<String> seeds = seeds();
            for (int i = 0; i < PAYLOADS; i++) {
                byte[] payload =
                        mutate(seeds.get(random.nextInt(seeds.size())).replace("#", Integer.toString(i)), random);
                HttpResponse<String> response =
                        post(desk.port(), "/api/v1/signals", token, "application/json", payload);
                int status = response.statusCode();
                statuses.merge(status, 1, Integer::sum);
                String what =
                        "payload " + i + " " + new String(payload, StandardCharsets.UTF_8) + " -> " + response.body();
                assertThat(status).as(what).isLessThan(500);
                JsonNode body = Json.mapper().readTree(response.body());
                if (status == 202) {
                    assertThat(body.get("id").asText()).as(what).startsWith("sig-");
                } else {
                    assertThat(status).as(what).isIn(REJECTIONS);
                    assertThat(response.headers().firstValue("Content-Type").orElse(""))
                            .as(what)
                            .startsWith("application/problem+json");
                    assertThat(body.get("detail").asText()).as(what).isNotBlank();
                    assertThat(body.get("errors")).as(what).isNotEmpty();
                }
            }
        }
        // the mutations must reach both sides, or the test proves little
        assertThat(statuses.get(202)).as(statuses.toString()).isGreaterThan(200);
        assertThat(statuses.getOrDefault(422, 0) + statuses.getOrDefault(400, 0))
                .as(statuses.toString())
                .isGreaterThan(2_000);
    }

    private static List<String> seeds() {
        String now = Instant.now().minusSeconds(3600).toString();
        return List.of(
                "{\"external_id\":\"f-#\",\"observed_at\":\"" + now
                        + "\",\"text\":\"they are vermin\",\"tlp\":\"AMBER\"}",
                "{\"external_id\":\"f-#\",\"observed_at\":\"" + now
                        + "\",\"url\":\"https://x.example/p/1\",\"kind\":\"share\","
                        + "\"author\":{\"handle\":\"@a\",\"display_name\":\"Ä Ø\"},\"language\":\"da\"}",
                "{\"external_id\":\"f-#\",\"observed_at\":\"" + now
                        + "\",\"text\":\"\\u00e6\\ud83d\\ude00 #tag @user\","
                        + "\"labels\":{\"category\":\"dehumanisation\",\"disarm\":[\"T0049\",\"TA01\"],\"target_groups\":[\"roma\"],"
                        + "\"confidence\":70},\"extra\":{\"nested\":[1,2,{\"x\":null}]}}");
    }

    private static byte[] mutate(String seed, Random random) {
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        int mutations = random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            bytes = switch (random.nextInt(10)) {
                case 0 -> flipByte(bytes, random);
                case 1 -> deleteRange(bytes, random);
                case 2 -> insert(bytes, random, new byte[] {(byte) random.nextInt(256)});
                case 3 ->
                    insert(
                            bytes,
                            random,
                            pick(
                                            random,
                                            "\\u0000",
                                            "\\ud800",
                                            "\"",
                                            "\\",
                                            "{",
                                            "[",
                                            "}",
                                            ",",
                                            ":",
                                            "null",
                                            "1e999999",
                                            "-0",
                                            "\"tlp\":\"RED\",",
                                            "\"observed_at\":\"2999-01-01T00:00:00Z\",")
                                    .getBytes(StandardCharsets.UTF_8));
                case 4 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 5 -> replaceValue(bytes, random);
                case 6 -> insert(bytes, random, "[".repeat(random.nextInt(200)).getBytes(StandardCharsets.UTF_8));
                case 7 -> insert(bytes, random, new byte[] {(byte) 0xC0, (byte) 0xAF});
                case 8 ->
                    insert(bytes, random, "x".repeat(random.nextInt(30_000)).getBytes(StandardCharsets.UTF_8));
                default -> bytes;
            };
        }
        return bytes;
    }

    private static byte[] replaceValue(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String field = pick(
                random, "external_id", "observed_at", "text", "url", "tlp", "kind", "language", "author", "labels");
        String value = pick(
                random,
                "null",
                "42",
                "true",
                "[]",
                "{}",
                "\"\"",
                "\"amber\"",
                "\"CLEAR\"",
                "\"2025-02-30T10:00:00Z\"",
                "\"2025-03-01T10:00:00+25:00\"",
                "\"ftp://x\"",
                "\"" + "é".repeat(random.nextInt(300)) + "\"");
        return text.replaceFirst(
                        "\"" + field + "\":(\"[^\"]*\"|\\{[^}]*\\}|[^,}]*)",
                        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] flipByte(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private static byte[] deleteRange(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(8));
        byte[] out = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(bytes, to, out, from, bytes.length - to);
        return out;
    }

    private static byte[] insert(byte[] bytes, Random random, byte[] piece) {
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + piece.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(bytes, at, out, at + piece.length, bytes.length - at);
        return out;
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
