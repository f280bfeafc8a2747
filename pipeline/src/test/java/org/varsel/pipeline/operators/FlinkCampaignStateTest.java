package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.state.MapState;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.campaign.Campaign;
import org.varsel.pipeline.campaign.CampaignMember;
import org.varsel.pipeline.campaign.CampaignOutput;
import org.varsel.pipeline.campaign.CampaignParts;
import org.varsel.pipeline.campaign.CampaignSettings;
import org.varsel.pipeline.campaign.CampaignStreams;
import org.varsel.pipeline.campaign.Campaigns;
import org.varsel.pipeline.correlate.CoordinatedAccounts;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.DetectorReplay;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * {@link FlinkCampaignState} writes what one call of the operator changed once, at its end: a release that joins many
 * findings into a campaign and merges campaigns serialises each campaign and finding once, not once per change. Where
 * the backend serialises, a campaign's lists go in chunks and a write puts only the chunks that gained entries. The map
 * states here only count the writes; that the written state restores to the same campaigns on the heap backend and on
 * RocksDB is {@code CampaignStateBackendsTest}'s.
 */
class FlinkCampaignStateTest {
    private static final CorrelationSettings DETECTORS = CorrelationSettings.defaults();
    private static final Duration TTL = DETECTORS.stateTtl();

    @Test
    void writesEachCampaignAndFindingOnceAtTheEndOfARelease() {
        List<FindingUpdate> findings = coLinkFindings();
        CountingMapState<CampaignMember> members = new CountingMapState<>();
        CountingMapState<Campaign> campaigns = new CountingMapState<>();
        CountingMapState<List<String>> parts = new CountingMapState<>();
        FlinkCampaignState state =
                new FlinkCampaignState(true, TTL, new CountingMapState<>(), members, campaigns, parts);
        Campaigns consolidation = new Campaigns(CampaignSettings.defaults());
        long last = Long.MIN_VALUE;
        for (FindingUpdate finding : findings) {
            consolidation.onFinding(state, finding, Long.MIN_VALUE, ignored());
            last = Math.max(last, finding.incident().updatedAt().toEpochMilli());
        }
        state.writeBack();

        consolidation.onTimer(state, last, ignored());
        assertThat(campaigns.values).as("nothing written before the call ends").isEmpty();
        state.writeBack();

        assertThat(campaigns.values).as("a campaign of the findings").isNotEmpty();
        List<Campaign> readBack = readBack(members, campaigns, parts);
        assertThat(readBack).as("a campaign holds several findings").anyMatch(campaign -> campaign.findings.size() > 1);
        assertThat(campaigns.puts)
                .as("puts per campaign")
                .allSatisfy((id, puts) -> assertThat(puts).isEqualTo(1));
        assertThat(members.puts)
                .as("puts per finding")
                .allSatisfy((id, puts) -> assertThat(puts).isEqualTo(1));
        assertThat(members.values.keySet())
                .as("every finding of every campaign written")
                .containsAll(readBack.stream()
                        .flatMap(campaign -> campaign.findings.stream())
                        .toList());
    }

    /**
     * Stories of many campaigns that grow and merge, a call at a time: a cold read of what was written (as after a
     * restore) gives every live campaign's lists, and no chunk that was full is ever written again (a write of the
     * whole campaign rewrote every chunk). On the heap backend campaigns are put whole.
     */
    @Test
    void writesOnlyTheChunksOfACampaignsListsThatGainedEntries() {
        for (int seed = 0; seed < 4; seed++) {
            List<FindingUpdate> findings =
                    CampaignStreams.findings(CampaignStreams.stories(new java.util.Random(seed)));
            CountingMapState<CampaignMember> members = new CountingMapState<>();
            CountingMapState<Campaign> campaigns = new CountingMapState<>();
            CountingMapState<List<String>> parts = new CountingMapState<>();
            FlinkCampaignState state =
                    new FlinkCampaignState(true, TTL, new CountingMapState<>(), members, campaigns, parts);
            Campaigns consolidation = new Campaigns(CampaignSettings.defaults());
            TreeSet<Long> timers = new TreeSet<>();
            long watermark = Long.MIN_VALUE;
            for (FindingUpdate finding : findings) {
                consolidation.onFinding(state, finding, watermark, wakingAt(timers));
                state.writeBack();
                watermark = Math.max(watermark, finding.incident().updatedAt().toEpochMilli() - 300_000);
                while (!timers.isEmpty() && timers.first() <= watermark) {
                    consolidation.onTimer(state, timers.pollFirst(), wakingAt(timers));
                    state.writeBack();
                }
                assertThat(readBack(members, campaigns, parts))
                        .as(
                                "seed %d: read cold after %s",
                                seed, finding.incident().id())
                        .usingRecursiveFieldByFieldElementComparatorOnFields(
                                "id", "findings", "firstSeen", "lastSeen", "version", "content", "defining")
                        .containsExactlyElementsOf(state.campaignIds().stream()
                                .map(state::campaign)
                                .toList());
            }
            assertThat(parts.values.keySet())
                    .as("seed %d: lists longer than a chunk", seed)
                    .anyMatch(key -> key.endsWith("1"));
            assertThat(parts.overwritten)
                    .as("seed %d: chunks written again", seed)
                    .isNotEmpty()
                    .allSatisfy(chunk -> assertThat(chunk).hasSizeLessThan(CampaignParts.CHUNK));
        }
        CountingMapState<Campaign> whole = new CountingMapState<>();
        CountingMapState<List<String>> unused = new CountingMapState<>();
        FlinkCampaignState heap =
                new FlinkCampaignState(false, TTL, new CountingMapState<>(), new CountingMapState<>(), whole, unused);
        Campaigns consolidation = new Campaigns(CampaignSettings.defaults());
        List<FindingUpdate> coLink = coLinkFindings();
        coLink.forEach(finding -> consolidation.onFinding(heap, finding, Long.MIN_VALUE, ignored()));
        consolidation.onTimer(
                heap,
                coLink.stream()
                        .mapToLong(f -> f.incident().updatedAt().toEpochMilli())
                        .max()
                        .orElseThrow(),
                ignored());
        heap.writeBack();
        assertThat(whole.values.values())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.findings).isNotEmpty());
        assertThat(unused.values).isEmpty();
    }

    /** The campaigns the map states hold, read by a state that starts cold (as after a restore), in id order. */
    private static List<Campaign> readBack(
            CountingMapState<CampaignMember> members,
            CountingMapState<Campaign> campaigns,
            CountingMapState<List<String>> parts) {
        FlinkCampaignState cold =
                new FlinkCampaignState(true, TTL, new CountingMapState<>(), members, campaigns, parts);
        return cold.campaignIds().stream().map(cold::campaign).toList();
    }

    private static CampaignOutput wakingAt(TreeSet<Long> timers) {
        return new CampaignOutput() {
            @Override
            public void emit(org.varsel.pipeline.campaign.CampaignChange change) {}

            @Override
            public void wakeAt(long time) {
                timers.add(time);
            }
        };
    }

    /** Co-link findings of the shared stream's groups of accounts whose links meet in a hashtag game. */
    private static List<FindingUpdate> coLinkFindings() {
        List<AnalysedSignal> stream = CampaignStreams.meeting();
        List<FindingUpdate> findings = new ArrayList<>();
        CorrelationKeys keys = new CorrelationKeys(DETECTORS);
        DetectorReplay<?> coLink =
                new DetectorReplay<>(CoordinatedAccounts.coLink(DETECTORS), Duration.ofMinutes(5), findings::add);
        stream.forEach(signal -> keys.coLink(signal).forEach(coLink::feed));
        coLink.finish();
        return findings;
    }

    private static CampaignOutput ignored() {
        return new CampaignOutput() {
            @Override
            public void emit(org.varsel.pipeline.campaign.CampaignChange change) {}

            @Override
            public void wakeAt(long time) {}
        };
    }

    /** A map state in memory that counts the puts per key. */
    private static final class CountingMapState<V> implements MapState<String, V> {
        final Map<String, V> values = new TreeMap<>();
        final Map<String, Integer> puts = new HashMap<>();
        /** The values puts replaced. */
        final List<V> overwritten = new ArrayList<>();

        @Override
        public V get(String key) {
            return values.get(key);
        }

        @Override
        public void put(String key, V value) {
            puts.merge(key, 1, Integer::sum);
            V old = values.put(key, value);
            if (old != null) {
                overwritten.add(old);
            }
        }

        @Override
        public void putAll(Map<String, V> map) {
            map.forEach(this::put);
        }

        @Override
        public void remove(String key) {
            values.remove(key);
        }

        @Override
        public boolean contains(String key) {
            return values.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<String, V>> entries() {
            return values.entrySet();
        }

        @Override
        public Iterable<String> keys() {
            return values.keySet();
        }

        @Override
        public Iterable<V> values() {
            return values.values();
        }

        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
            return values.entrySet().iterator();
        }

        @Override
        public boolean isEmpty() {
            return values.isEmpty();
        }

        @Override
        public void clear() {
            values.clear();
        }
    }
}
