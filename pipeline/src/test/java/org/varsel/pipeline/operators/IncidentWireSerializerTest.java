package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

/**
 * {@link IncidentWireSerializer} hands the next operator the incident it was given: equal as a record, byte for byte
 * the same {@code incident.v1} JSON (so map order survives), and equal to what Flink's own serializer made of it.
 */
class IncidentWireSerializerTest {
    private static final Instant T = Instant.parse("2026-11-20T10:15:00.123456789Z");
    private static final TypeSerializer<Incident> REFLECTIVE =
            TypeInformation.of(Incident.class).createSerializer(new SerializerConfigImpl());

    @Test
    void aCampaignWithEveryFieldSetCrossesUnchanged() throws IOException {
        assertCrossesUnchanged(campaign());
    }

    @Test
    void anEarlyWarningWithItsTrendCrossesUnchanged() throws IOException {
        assertCrossesUnchanged(single("inc-ew", "rising").toBuilder()
                .kind(IncidentKind.EARLY_WARNING)
                .trend(new Incident.Trend(
                        "migrants",
                        null,
                        "P7D",
                        3,
                        "mean and spread",
                        List.of(new Incident.TrendPoint(T, 4, 1.5, 3.0), new Incident.TrendPoint(T, 9, 2, 4.25))))
                .build());
    }

    @Test
    void aNewIncidentWithItsNullsAndEmptyListsCrossesUnchanged() throws IOException {
        assertCrossesUnchanged(Incident.builder().id("inc-new").build());
        assertCrossesUnchanged(new Incident(
                null, null, 0, null, null, null, null, null, 0, 0, null, null, null, null, null, null, null, null, null,
                null, null, null, null, 0, null, null, null, null, null, null, null));
    }

    @Test
    void textsInEveryScriptAndCappedInsideAnEmojiCrossUnchanged() throws IOException {
        for (String text : List.of(
                "Æbler på øen 🇩🇰 — «ikke» ",
                "Мы их уничтожим",
                "ကျွန်ုပ်တို့",
                "capped inside an emoji \uD83D",
                "\uDE00 a low surrogate first",
                "",
                "x".repeat(70_000))) {
            Incident incident = single("inc-t", text);
            Incident crossed = roundTrip(IncidentWireSerializer.INSTANCE, incident);
            assertThat(crossed.evidence().signals().get(0).text()).isEqualTo(text);
            assertThat(crossed.title()).isEqualTo(text);
        }
    }

    @Test
    void aCampaignIsSmallerOnTheWireThanWithFlinksSerializer() throws IOException {
        Incident campaign = campaign();
        assertThat(bytes(IncidentWireSerializer.INSTANCE, campaign).length)
                .isLessThanOrEqualTo(bytes(REFLECTIVE, campaign).length);
    }

    @Test
    void theSnapshotRestoresTheSameSerializer() {
        assertThat(IncidentWireSerializer.INSTANCE.snapshotConfiguration().restoreSerializer())
                .isSameAs(IncidentWireSerializer.INSTANCE);
        assertThat(new IncidentTypeInfo().createSerializer(new SerializerConfigImpl()))
                .isSameAs(IncidentWireSerializer.INSTANCE);
    }

    private static void assertCrossesUnchanged(Incident incident) throws IOException {
        Incident crossed = roundTrip(IncidentWireSerializer.INSTANCE, incident);
        assertThat(crossed).isEqualTo(incident).isEqualTo(roundTrip(REFLECTIVE, incident));
        if (incident.schema() != null) {
            assertThat(new String(IncidentCodec.toJsonBytes(crossed)))
                    .isEqualTo(new String(IncidentCodec.toJsonBytes(incident)));
        }
        // Flink copies records between buffers with copy(in, out): the same bytes again
        DataOutputSerializer copied = new DataOutputSerializer(64);
        IncidentWireSerializer.INSTANCE.copy(
                new DataInputDeserializer(bytes(IncidentWireSerializer.INSTANCE, incident)), copied);
        assertThat(Arrays.equals(copied.getCopyOfBuffer(), bytes(IncidentWireSerializer.INSTANCE, incident)))
                .isTrue();
    }

    private static Incident roundTrip(TypeSerializer<Incident> serializer, Incident incident) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes(serializer, incident));
        Incident read = serializer.deserialize(in);
        assertThat(in.available()).as("every byte read").isZero();
        return read;
    }

    private static byte[] bytes(TypeSerializer<Incident> serializer, Incident incident) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(incident, out);
        return out.getCopyOfBuffer();
    }

    private static Incident single(String id, String text) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("toxic", 0.91);
        scores.put("hateful", 0.8);
        scores.put("absent", null);
        return Incident.builder()
                .id(id)
                .version(3)
                .kind(IncidentKind.HIGH_SEVERITY)
                .title(text)
                .firstSeen(T)
                .lastSeen(T.plusSeconds(60))
                .updatedAt(T.plusSeconds(65))
                .signalCount(5)
                .accountCount(4)
                .sources(List.of("partner:ngo-a"))
                .platforms(List.of("x", "telegram"))
                .languages(List.of("da"))
                .categories(List.of("incitement"))
                .disarm(List.of("T0049"))
                .hashtags(List.of("#tag"))
                .urls(List.of("https://example.org/a"))
                .targetGroups(List.of("migrants"))
                .hallmarks(List.of("dehumanisation", "threat"))
                .tcap(List.of("threat-to-life", "place"))
                .ruleHits(List.of(
                        new Incident.RuleHitSummary("r-1", "Rule one", 4, "incitement", "pack-1", 2),
                        new Incident.RuleHitSummary("r-2", "Rule two", null, null, "pack-1", 1)))
                .classifier(new Incident.ClassifierSummary("doccat-1", scores))
                .evidence(new Incident.Evidence(
                        List.of(new Incident.EvidenceSignal(
                                "sig-1",
                                "partner:ngo-a",
                                "a-1",
                                T,
                                null,
                                "x",
                                "author",
                                text,
                                "da",
                                Tlp.AMBER_STRICT,
                                "incitement",
                                List.of("r-1"),
                                List.of(new Incident.MatchedTerm("vermin", 0, 6)),
                                scores)),
                        List.of("author", "b"),
                        List.of(new Incident.TimelineBucket(T, 5), new Incident.TimelineBucket(T.plusSeconds(600), 0)),
                        Map.of("shared_url", "https://example.org/a"),
                        Map.of("author", 3)))
                .severity(72)
                .tier(Tier.THREAT_TO_LIFE)
                .tlp(Tlp.RED)
                .explanation("why: " + text)
                .suppressedBy("inc-dismissed")
                .mergedInto("inc-c")
                .build();
    }

    private static Incident campaign() {
        Incident finding = single("inc-f", "Same link by 5 accounts");
        List<Incident.Finding> findings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Integer> posts = new LinkedHashMap<>();
            posts.put("acct_" + i, i);
            posts.put("acct_a", 3);
            findings.add(new Incident.Finding(
                    "inc-" + i,
                    IncidentKind.values()[i % IncidentKind.values().length],
                    "finding " + i,
                    T,
                    T.plusSeconds(i),
                    i,
                    i + 1,
                    i % 100,
                    List.of("acct_a", "acct_" + i),
                    List.of("#tag"),
                    List.of("https://e.org/" + i),
                    i % 2 == 0 ? null : "https://e.org/" + i,
                    finding.evidence().timeline(),
                    "shares 4 of 5 accounts (80 % ≥ 50 %)",
                    "joined: windows overlap",
                    posts));
        }
        return finding.toBuilder()
                .id("inc-c")
                .kind(IncidentKind.CAMPAIGN)
                .title("Campaign: #tag (9 accounts, 100 findings)")
                .findings(findings)
                .mergedInto(null)
                .build();
    }
}
