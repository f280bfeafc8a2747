package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.varsel.pipeline.campaign.Campaign;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.campaign.CampaignSettings;
import org.varsel.pipeline.campaign.CampaignStreams;
import org.varsel.pipeline.campaign.Campaigns;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * A campaign that spans a day is forgotten 25 hours after its last sighting, more than the state TTL (P2D, processing
 * time) after its first finding and first chunks were written. What was written early and never again (the founder's
 * finding, the first chunk of a list) must live as long as the campaign: in its last minute it still reads whole, and
 * once forgotten nothing of it is left in the state. Processing time follows event time here, as it does live.
 */
class CampaignStateExpiryTest {
    private static final Duration TTL = CorrelationSettings.defaults().stateTtl();
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    /** How long a campaign is kept after its last sighting ({@code max-span} + {@code max-gap}). */
    private static final Duration RETENTION = Duration.ofHours(25);

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aDayLongCampaignReadsWholeUntilItIsForgottenAndLeavesNothing(String backend) throws Exception {
        List<FindingUpdate> findings = CampaignStreams.findings(CampaignStreams.dayLong());
        long start = findings.stream()
                .mapToLong(f -> f.incident().firstSeen().toEpochMilli())
                .min()
                .orElseThrow();
        try (KeyedOneInputStreamOperatorTestHarness<String, FindingUpdate, CampaignChange> harness = Harnesses.opened(
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new CampaignFunction(new Campaigns(CampaignSettings.defaults()), TTL)),
                        (FindingUpdate f) -> CampaignFunction.KEY,
                        Types.STRING),
                backend,
                null)) {
            long watermark = Long.MIN_VALUE;
            for (FindingUpdate finding : findings) {
                long at = finding.incident().updatedAt().toEpochMilli();
                processingTime(harness, at - start);
                harness.processElement(new StreamRecord<>(finding, at));
                watermark = Math.max(watermark, at - OUT_OF_ORDERNESS.toMillis());
                harness.processWatermark(watermark);
            }
            Stored atTheDaysEnd = stored(harness, backend);
            assertThat(atTheDaysEnd.campaigns).as("one campaign").hasSize(1);
            Campaign campaign = atTheDaysEnd.campaigns.values().iterator().next();
            assertThat(campaign.findings).as("findings of several chunks").hasSizeGreaterThan(32);
            long forgotten = campaign.lastSeen + RETENTION.toMillis();
            assertThat(forgotten - start)
                    .as("forgotten more than the TTL after its first write")
                    .isGreaterThan(TTL.toMillis() + Duration.ofMinutes(15).toMillis());

            processingTime(harness, forgotten - start - Duration.ofMinutes(1).toMillis());
            Stored inItsLastMinute = stored(harness, backend);
            assertThat(inItsLastMinute.campaigns.values())
                    .as("in its last minute, read cold")
                    .usingRecursiveFieldByFieldElementComparatorOnFields(
                            "id", "findings", "firstSeen", "lastSeen", "version", "content", "defining")
                    .containsExactlyElementsOf(atTheDaysEnd.campaigns.values());
            assertThat(inItsLastMinute.membersMissing)
                    .as("its findings in its last minute")
                    .isEmpty();

            processingTime(harness, forgotten - start + Duration.ofMinutes(1).toMillis());
            harness.processWatermark(forgotten + OUT_OF_ORDERNESS.toMillis());
            assertThat(harness.extractOutputValues())
                    .as("the campaign's end")
                    .anyMatch(change -> change.over() && change.campaignId().equals(campaign.id));
            Stored afterwards = stored(harness, backend);
            assertThat(afterwards.keys).as("what is left of it in the state").isEmpty();
        }
    }

    private static void processingTime(
            KeyedOneInputStreamOperatorTestHarness<String, FindingUpdate, CampaignChange> harness, long time)
            throws Exception {
        harness.setStateTtlProcessingTime(time);
        harness.setProcessingTime(time);
    }

    /** What the operator's state holds, read cold through the operator's own states (expired entries unseen). */
    private static Stored stored(
            KeyedOneInputStreamOperatorTestHarness<String, FindingUpdate, CampaignChange> harness, String backend)
            throws Exception {
        KeyedStateBackend<String> states = harness.getOperator().getKeyedStateBackend();
        states.setCurrentKey(CampaignFunction.KEY);
        MapState<String, org.varsel.pipeline.campaign.CampaignMember> members = states.getPartitionedState(
                VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, CampaignFunction.membersState(TTL));
        MapState<String, Campaign> campaigns = states.getPartitionedState(
                VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, CampaignFunction.campaignsState(TTL));
        MapState<String, List<String>> parts = states.getPartitionedState(
                VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, CampaignFunction.campaignPartsState(TTL));
        FlinkCampaignState cold = new FlinkCampaignState(
                backend.startsWith("rocksdb"),
                TTL,
                states.getPartitionedState(
                        VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, CampaignFunction.pendingState(TTL)),
                members,
                campaigns,
                parts);
        Stored stored = new Stored();
        for (String id : cold.campaignIds()) {
            Campaign campaign = cold.campaign(id);
            stored.campaigns.put(id, campaign);
            campaign.findings.stream()
                    .filter(finding -> cold.member(finding) == null)
                    .forEach(stored.membersMissing::add);
        }
        members.keys().forEach(key -> stored.keys.add("member " + key));
        campaigns.keys().forEach(key -> stored.keys.add("campaign " + key));
        parts.keys().forEach(key -> stored.keys.add("part " + key));
        return stored;
    }

    private static final class Stored {
        final Map<String, Campaign> campaigns = new LinkedHashMap<>();
        final List<String> membersMissing = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
    }
}
