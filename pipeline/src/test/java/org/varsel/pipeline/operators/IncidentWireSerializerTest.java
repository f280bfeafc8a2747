package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The contract's golden incident (every field set), with what it lacks: a rule hit without severity, a null score,
     * two timeline buckets, posts per account, nanoseconds, the given text.
     */
    private static Incident single(String id, String text) throws IOException {
        Incident golden = golden("incident.json");
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("toxic", 0.91);
        scores.put("hateful", 0.8);
        scores.put("absent", null);
        Incident.EvidenceSignal signal = golden.evidence().signals().get(0);
        Incident.EvidenceSignal shown = new Incident.EvidenceSignal(
                signal.signalId(),
                signal.source(),
                signal.externalId(),
                T,
                null,
                signal.platform(),
                signal.author(),
                text,
                "da",
                Tlp.AMBER_STRICT,
                signal.category(),
                signal.ruleIds(),
                signal.matchedTerms(),
                scores);
        List<Incident.RuleHitSummary> hits = new ArrayList<>(golden.ruleHits());
        hits.add(new Incident.RuleHitSummary("r-2", "Rule two", null, null, "pack-1", 1));
        return golden.toBuilder()
                .id(id)
                .title(text)
                .firstSeen(T)
                .ruleHits(hits)
                .classifier(new Incident.ClassifierSummary("doccat-1", scores))
                .evidence(new Incident.Evidence(
                        List.of(shown),
                        golden.evidence().accounts(),
                        List.of(new Incident.TimelineBucket(T, 5), new Incident.TimelineBucket(T.plusSeconds(600), 0)),
                        golden.evidence().coordination(),
                        Map.of("a", 3)))
                .tier(Tier.THREAT_TO_LIFE)
                .explanation("why: " + text)
                .suppressedBy("inc-dismissed")
                .mergedInto("inc-c")
                .build();
    }

    /** Updates as {@code incident.v1} consumers read them (contract/src/test/resources/incident-wire). */
    private static Incident golden(String name) throws IOException {
        return IncidentCodec.fromJson(
                Files.readAllBytes(Path.of("..", "contract", "src", "test", "resources", "incident-wire", name)));
    }

    private static Incident campaign() throws IOException {
        Incident finding = single("inc-f", "Same link by 5 accounts");
        Incident.Finding listed = golden("campaign.json").findings().get(0);
        List<Incident.Finding> findings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Integer> posts = new LinkedHashMap<>();
            posts.put("acct_" + i, i);
            posts.put("acct_a", 3);
            findings.add(new Incident.Finding(
                    "inc-" + i,
                    IncidentKind.values()[i % IncidentKind.values().length],
                    listed.title() + " " + i,
                    T,
                    T.plusSeconds(i),
                    i,
                    i + 1,
                    i % 100,
                    List.of("acct_a", "acct_" + i),
                    listed.hashtags(),
                    List.of("https://e.org/" + i),
                    i % 2 == 0 ? null : listed.subject(),
                    finding.evidence().timeline(),
                    listed.explanation(),
                    listed.joinedBecause(),
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
