package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.minutes;
import static org.varsel.pipeline.correlate.Posts.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.MapState;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.campaign.Campaign;
import org.varsel.pipeline.campaign.CampaignMember;
import org.varsel.pipeline.campaign.CampaignOutput;
import org.varsel.pipeline.campaign.CampaignSettings;
import org.varsel.pipeline.campaign.Campaigns;
import org.varsel.pipeline.correlate.CoordinatedAccounts;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.DetectorReplay;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * {@link FlinkCampaignState} writes what one call of the operator changed once, at its end: a release that joins many
 * findings into a campaign and merges campaigns serialises each campaign and finding once, not once per change. The map
 * states here only count the writes; that the written state restores to the same campaigns on the heap backend and on
 * RocksDB is {@code CampaignStateBackendsTest}'s.
 */
class FlinkCampaignStateTest {
    private static final CorrelationSettings DETECTORS = CorrelationSettings.defaults();

    @Test
    void writesEachCampaignAndFindingOnceAtTheEndOfARelease() {
        List<FindingUpdate> findings = coLinkFindings();
        CountingMapState<CampaignMember> members = new CountingMapState<>();
        CountingMapState<Campaign> campaigns = new CountingMapState<>();
        FlinkCampaignState state = new FlinkCampaignState(true, new CountingMapState<>(), members, campaigns);
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
        assertThat(campaigns.values.values())
                .as("a campaign holds several findings")
                .anyMatch(campaign -> campaign.findings.size() > 1);
        assertThat(campaigns.puts)
                .as("puts per campaign")
                .allSatisfy((id, puts) -> assertThat(puts).isEqualTo(1));
        assertThat(members.puts)
                .as("puts per finding")
                .allSatisfy((id, puts) -> assertThat(puts).isEqualTo(1));
        assertThat(members.values.keySet())
                .as("every finding of every campaign written")
                .containsAll(campaigns.values.values().stream()
                        .flatMap(campaign -> campaign.findings.stream())
                        .toList());
    }

    /** Co-link findings of three groups of accounts whose links meet in a hashtag game: campaigns that merge. */
    private static List<FindingUpdate> coLinkFindings() {
        List<AnalysedSignal> stream = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < 10; i++) {
            stream.add(post(id++)
                    .by("a" + i)
                    .at(minutes(10 + i))
                    .text("the dam will break tonight they know it")
                    .url("https://a.example/dam")
                    .analysed());
            stream.add(post(id++)
                    .by("b" + i)
                    .at(minutes(12 + i))
                    .text("evacuate now the officials are hiding it")
                    .url("https://b.example/evacuate")
                    .analysed());
        }
        for (int i = 0; i < 12; i++) {
            stream.add(post(id++)
                    .by(i % 2 == 0 ? "a" + i / 2 : "b" + i / 2)
                    .at(minutes(40 + i))
                    .text("share #dambreak")
                    .hashtag("dambreak")
                    .url("https://a.example/dam")
                    .url("https://b.example/evacuate")
                    .analysed());
        }
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

        @Override
        public V get(String key) {
            return values.get(key);
        }

        @Override
        public void put(String key, V value) {
            puts.merge(key, 1, Integer::sum);
            values.put(key, value);
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
