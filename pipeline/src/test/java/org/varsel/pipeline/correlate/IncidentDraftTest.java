package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

class IncidentDraftTest {

    static IncidentDraft campaignOf(int accounts) {
        IncidentDraft draft = IncidentDraft.open(IncidentKind.CO_LINK, "inc-test", "https://x.example/a", 5, 600_000);
        draft.coordination.put("min_accounts", "5");
        draft.coordination.put("window", "PT1H");
        for (int i = 0; i < accounts; i++) {
            draft.add(post(i).by("acct" + i)
                    .at(minutes(i % 500))
                    .url("https://x.example/a")
                    .hashtag("#tag" + (i % 70))
                    .tlp(i == 3 ? Tlp.AMBER : Tlp.GREEN)
                    .analysed());
        }
        return draft;
    }

    @Test
    void everyUpdateValidatesAgainstIncidentV1AndEvidenceStaysCapped() {
        IncidentDraft draft = campaignOf(3_000);
        Incident incident = draft.emit(minutes(500).toEpochMilli());
        assertThat(ContractSchemas.INCIDENT_V1.violations(Json.mapper().valueToTree(incident)))
                .isEmpty();
        assertThat(incident.evidence().signals()).hasSize(IncidentDraft.MAX_EVIDENCE_SIGNALS);
        assertThat(incident.evidence().accounts()).hasSize(IncidentDraft.MAX_SAMPLE_ACCOUNTS);
        assertThat(incident.evidence().timeline().size()).isLessThanOrEqualTo(IncidentDraft.MAX_TIMELINE_BUCKETS);
        assertThat(incident.hashtags()).hasSize(IncidentDraft.MAX_VALUES);
        assertThat(incident.tlp())
                .as("the most restrictive marking of its signals")
                .isEqualTo(Tlp.AMBER);
        assertThat(incident.accountCount()).isEqualTo(3_000);
    }

    @Test
    void eachSampleAccountsPostsAreCountedForItsShareOfTheIncident() {
        IncidentDraft draft = IncidentDraft.open(IncidentKind.CO_LINK, "inc-test", "u", 5, 600_000);
        String[] authors = {"busy", "busy", "busy", "quiet", "busy", "other", "quiet"};
        for (int i = 0; i < authors.length; i++) {
            draft.add(post(i).by(authors[i]).at(minutes(i)).analysed());
        }
        Incident incident = draft.emit(minutes(7).toEpochMilli());
        assertThat(incident.evidence().accountPosts())
                .containsExactly(
                        java.util.Map.entry("busy", 4),
                        java.util.Map.entry("quiet", 2),
                        java.util.Map.entry("other", 1));
        assertThat(ContractSchemas.INCIDENT_V1.violations(Json.mapper().valueToTree(incident)))
                .isEmpty();
    }

    @Test
    void accountsBeyondTheTrackedCapMakeTheCountALowerBound() {
        IncidentDraft draft = IncidentDraft.open(IncidentKind.CO_LINK, "inc-test", "u", 5, 600_000);
        for (int i = 0; i < IncidentDraft.MAX_TRACKED_ACCOUNTS + 10; i++) {
            draft.add(post(i).by("a" + i).analysed());
        }
        Incident incident = draft.emit(0);
        assertThat(incident.accountCount()).isEqualTo(IncidentDraft.MAX_TRACKED_ACCOUNTS);
        assertThat(incident.evidence().coordination())
                .containsEntry("observed_accounts", IncidentDraft.MAX_TRACKED_ACCOUNTS + "+");
    }

    @Test
    void severityOfACampaignIsTheStrongerOfContentAndCoordinationPlusTheSpreadBonus() {
        IncidentDraft draft = IncidentDraft.open(IncidentKind.CO_SIMILAR_TEXT, "inc-test", "text", 5, 600_000);
        for (int i = 0; i < 20; i++) {
            draft.add(post(i).by("a" + i).rule("r1", 3, "dehumanisation").analysed());
        }
        Severity severity = Severity.of(draft);
        // content 60 (rule severity 3), coordination 30 + 10·log2(20/5) = 50, + 10: 70 → high
        assertThat(severity.content()).isEqualTo(60);
        assertThat(severity.coordination()).isEqualTo(50);
        assertThat(severity.score()).isEqualTo(70);
        assertThat(severity.tier()).isEqualTo(Tier.HIGH);
        assertThat(severity.why()).contains("Severity 70 = max(content 60, coordination 50) + 10");
        assertThat(Severity.coordinationScore(5, 5)).isEqualTo(30);
        assertThat(Severity.coordinationScore(10_000, 5)).isEqualTo(60);
    }

    @Test
    void versionsGrowAndAnUpdateIsSignificantWhenAccountsDouble() {
        IncidentDraft draft = campaignOf(5);
        assertThat(draft.emit(0).version()).isEqualTo(1);
        draft.add(post("x").by("new").analysed());
        assertThat(draft.changedSignificantly()).isFalse();
        for (int i = 0; i < 5; i++) {
            draft.add(post("y" + i).by("more" + i).analysed());
        }
        assertThat(draft.changedSignificantly()).isTrue();
        assertThat(draft.emit(1).version()).isEqualTo(2);
    }

    @Test
    void aThreatToLifeIncidentIsNotReEmittedForEverySignal() {
        IncidentDraft draft = IncidentDraft.open(IncidentKind.CO_SIMILAR_TEXT, "inc-test", "text", 5, 600_000);
        for (int i = 0; i < 5; i++) {
            draft.add(post(i).by("a" + i).rule("t", 5, "threat").analysed());
        }
        assertThat(draft.emit(0).tier()).isEqualTo(Tier.THREAT_TO_LIFE);
        draft.add(post("more").by("b").rule("t", 5, "threat").analysed());
        assertThat(draft.changedSignificantly()).isFalse();
    }

    /**
     * {@link IncidentDraft#changedSignificantly} reads the severity's figures without writing its explanation; what it
     * decides must still follow the severity and tier the next version would be published with.
     */
    @Test
    void anUpdateIsSignificantExactlyWhenTheVersionItWouldEmitRoseInTierOrByTenOrDoubledItsAccounts() throws Exception {
        TypeSerializer<IncidentDraft> serializer =
                TypeInformation.of(IncidentDraft.class).createSerializer(new SerializerConfigImpl());
        Random random = new Random(20261207);
        String[] categories = {"threat", "dehumanisation", "call-to-violence", "offensive", "misinformation"};
        String[][] tags = {{}, {"threat-to-life"}, {"crisis"}, {"eu:crisis"}};
        int significant = 0;
        for (IncidentKind kind : IncidentKind.values()) {
            if (kind == IncidentKind.CAMPAIGN) {
                continue; // built from its findings, never from a draft
            }
            IncidentDraft draft =
                    IncidentDraft.open(kind, "inc-" + kind.label(), "subject", 1 + random.nextInt(8), 600_000);
            for (int i = 0; i < 300; i++) {
                Posts post = post(kind.label() + i)
                        .by("acct" + random.nextInt(1 + i))
                        .at(minutes(i));
                switch (random.nextInt(6)) {
                    case 0 ->
                        post.rule(
                                "r" + random.nextInt(9),
                                1 + random.nextInt(5),
                                categories[random.nextInt(categories.length)],
                                tags[random.nextInt(tags.length)]);
                    case 1 -> post.reportedRule("q", 1 + random.nextInt(5), "threat");
                    case 2 -> post.classified("hateful", random.nextDouble());
                    case 3 -> post.threatening(random.nextDouble() / 2, random.nextDouble() / 2);
                    case 4 -> post.labelled("threat", random.nextInt(101));
                    default -> {}
                }
                draft.add(post.analysed());
                DataOutputSerializer out = new DataOutputSerializer(4096);
                serializer.serialize(draft, out);
                Incident next = serializer
                        .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))
                        .emit(i);
                boolean expected = next.accountCount() >= 2 * Math.max(1, draft.lastEmittedAccounts)
                        || next.tier().ordinal() < draft.lastEmittedTier.ordinal()
                        || next.severity() >= draft.lastEmittedSeverity + 10;
                assertThat(draft.changedSignificantly())
                        .as("%s after signal %d", kind, i)
                        .isEqualTo(expected);
                if (expected) {
                    significant++;
                    draft.emit(i);
                }
            }
        }
        assertThat(significant).isGreaterThan(50);
    }

    @Test
    void detectorStateHasFlinkSerializersWithoutKryoAndSurvivesARoundTrip() throws Exception {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        for (Class<?> type : new Class<?>[] {
            CoordinationState.class, BurstState.class, IncidentDraft.class, KeyedSignal.class, Waiting.class
        }) {
            TypeInformation<?> info = TypeInformation.of(type);
            assertThat(info).as(type.getSimpleName()).isInstanceOf(PojoTypeInfo.class);
            info.createSerializer(config);
        }
        CoordinationState state = new CoordinationState();
        CoordinationState.Cluster cluster = new CoordinationState.Cluster();
        cluster.representative = new long[] {1, 2, 3};
        cluster.subject = "s";
        cluster.waitingTimes = new long[] {5, 6};
        cluster.waitingAccounts = new long[] {7, 8};
        cluster.incident = campaignOf(12);
        state.clusters.add(cluster);
        TypeSerializer<CoordinationState> serializer =
                TypeInformation.of(CoordinationState.class).createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(state, out);
        CoordinationState copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        Incident before = state.clusters.get(0).incident.emit(7);
        Incident after = copy.clusters.get(0).incident.emit(7);
        assertThat(after).isEqualTo(before);
        assertThat(copy.clusters.get(0).waitingTimes).containsExactly(5, 6);
        assertThat(copy.clusters.get(0).waitingAccounts).containsExactly(7, 8);
        Waiting waiting = new Waiting(
                3, post(1).rule("r", 2, "c").classified("hateful", 0.5).analysed());
        TypeSerializer<Waiting> waitingSerializer =
                TypeInformation.of(Waiting.class).createSerializer(config);
        DataOutputSerializer waitingOut = new DataOutputSerializer(1024);
        waitingSerializer.serialize(waiting, waitingOut);
        assertThat(waitingSerializer.deserialize(new DataInputDeserializer(waitingOut.getCopyOfBuffer())))
                .isEqualTo(waiting);
    }
}
