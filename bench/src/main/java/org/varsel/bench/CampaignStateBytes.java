package org.varsel.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.varsel.pipeline.campaign.Campaign;
import org.varsel.pipeline.campaign.CampaignChange;
import org.varsel.pipeline.campaign.CampaignMember;
import org.varsel.pipeline.campaign.CampaignOutput;
import org.varsel.pipeline.campaign.CampaignParts;
import org.varsel.pipeline.campaign.CampaignSettings;
import org.varsel.pipeline.campaign.Campaigns;
import org.varsel.pipeline.campaign.MemoryCampaignState;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.FindingUpdate;

/**
 * Bytes campaign consolidation serialises into its finding and campaign state (what RocksDB writes), counted three ways
 * over the same run: a write per put (the operator before 2026-12-06), one write per finding or campaign put during a
 * call of the operator, at its end (the operator's {@code FlinkCampaignState} since), and a campaign written in parts at
 * the end of the call, its head and the chunks of its lists that gained entries ({@link CampaignParts}, on RocksDB since
 * the session after). Findings are {@link
 * CampaignCpu}'s, fed as {@code CampaignFunction} receives them: the watermark trails the latest finding by the
 * out-of-orderness, and each event-time timer is one call. Serialised with the POJO serializers the map states use.
 * In parts, a write of a campaign whose parts may be older than a quarter of the state TTL also rewrites them (its
 * chunks and findings, so that none expires before its head: {@code FlinkCampaignState}); the processing time of a
 * call is taken as the latest event time seen, as live, and those rewrites are counted apart.
 * {@code bench/run org.varsel.bench.CampaignStateBytes [signals] [bench|memory]}
 */
public final class CampaignStateBytes {
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    private static final long REWRITE_PARTS_AFTER =
            CorrelationSettings.defaults().stateTtl().toMillis() / 4;

    public static void main(String[] args) {
        long signals = args.length > 0 ? Long.parseLong(args[0]) : 30_000;
        boolean benchMix = args.length <= 1 || "bench".equals(args[1]);
        List<FindingUpdate> findings = CampaignCpu.findings(signals, benchMix);
        CountingState state = new CountingState();
        Campaigns campaigns = new Campaigns(CampaignSettings.defaults());
        TreeSet<Long> timers = new TreeSet<>();
        CampaignOutput out = new CampaignOutput() {
            @Override
            public void emit(CampaignChange change) {}

            @Override
            public void wakeAt(long eventTime) {
                timers.add(eventTime);
            }
        };
        long watermark = Long.MIN_VALUE;
        long maxSeen = Long.MIN_VALUE;
        for (FindingUpdate finding : findings) {
            maxSeen = Math.max(maxSeen, finding.incident().updatedAt().toEpochMilli());
            campaigns.onFinding(state, finding, watermark, out);
            state.endOfCall(maxSeen);
            watermark = Math.max(watermark, maxSeen - OUT_OF_ORDERNESS.toMillis() - 1);
            while (!timers.isEmpty() && timers.first() <= watermark) {
                campaigns.onTimer(state, timers.pollFirst(), out);
                state.endOfCall(maxSeen);
            }
        }
        while (!timers.isEmpty()) {
            long timer = timers.pollFirst();
            campaigns.onTimer(state, timer, out);
            state.endOfCall(timer);
        }
        System.out.printf(
                "%,d signals (%s mix) → %,d finding updates, %,d calls%n",
                signals, benchMix ? "bench" : "memory", findings.size(), state.calls);
        print("campaigns", state.campaignWrites, signals);
        System.out.printf(
                "campaigns in parts: %,d heads and %,d chunks, %,d bytes (%.1f a signal)%n",
                state.heads, state.chunks, state.partsBytes, state.partsBytes / (double) signals);
        System.out.printf(
                "of which rewritten after a quarter of the TTL: %,d chunks and %,d findings, %,d bytes (%.1f a signal);"
                        + " event time %s%n",
                state.rewrittenChunks,
                state.rewrittenFindings,
                state.rewrittenBytes,
                state.rewrittenBytes / (double) signals,
                Duration.ofMillis(state.lastCall - state.firstCall));
        print("findings", state.memberWrites, signals);
    }

    private static void print(String what, Writes writes, long signals) {
        System.out.printf(
                "%s: a write per put %,d writes, %,d bytes (%.1f a signal); once a call %,d writes, %,d bytes (%.1f a"
                        + " signal)%n",
                what,
                writes.perPut,
                writes.perPutBytes,
                writes.perPutBytes / (double) signals,
                writes.perCall,
                writes.perCallBytes,
                writes.perCallBytes / (double) signals);
    }

    /** Serialises values and counts both ways of writing them. */
    private static final class Writes {
        private final TypeSerializer<Object> serializer;
        private final DataOutputSerializer buffer = new DataOutputSerializer(4_096);
        private final Map<String, Object> unwritten = new LinkedHashMap<>();
        long perPut;
        long perPutBytes;
        long perCall;
        long perCallBytes;

        Writes(Class<?> type) {
            this(TypeInformation.of(type));
        }

        @SuppressWarnings("unchecked")
        Writes(TypeInformation<?> info) {
            serializer = (TypeSerializer<Object>) info.createSerializer(new SerializerConfigImpl());
        }

        void put(String key, Object value) {
            perPut++;
            perPutBytes += size(value);
            unwritten.put(key, value);
        }

        void removed(String key) {
            unwritten.remove(key);
        }

        /** What this call put, in the order first put; then forgotten. */
        Collection<Object> endOfCall() {
            List<Object> written = new ArrayList<>(unwritten.values());
            for (Object value : written) {
                perCall++;
                perCallBytes += size(value);
            }
            unwritten.clear();
            return written;
        }

        int size(Object value) {
            buffer.clear();
            try {
                serializer.serialize(value, buffer);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return buffer.length();
        }
    }

    /** The state in memory, as the heap backend keeps it, counting what a RocksDB map state would serialise. */
    private static final class CountingState extends MemoryCampaignState {
        final Writes memberWrites = new Writes(CampaignMember.class);
        final Writes campaignWrites = new Writes(Campaign.class);
        private final Writes chunkSizes = new Writes(Types.LIST(Types.STRING));
        long calls;
        long heads;
        long chunks;
        long partsBytes;
        long rewrittenChunks;
        long rewrittenFindings;
        long rewrittenBytes;
        long firstCall = Long.MIN_VALUE;
        long lastCall;
        private final Map<String, Long> partsWrittenSince = new HashMap<>();

        void endOfCall(long now) {
            calls++;
            firstCall = firstCall == Long.MIN_VALUE ? now : firstCall;
            lastCall = now;
            Set<Object> writtenMembers = Collections.newSetFromMap(new IdentityHashMap<>());
            writtenMembers.addAll(memberWrites.endOfCall());
            for (Object written : campaignWrites.endOfCall()) {
                Campaign campaign = (Campaign) written;
                heads++;
                partsBytes += campaignWrites.size(CampaignParts.head(campaign));
                Long since = partsWrittenSince.get(campaign.id);
                if (since == null || now - since >= REWRITE_PARTS_AFTER) {
                    partsWrittenSince.put(campaign.id, now);
                }
                if (since != null && now - since >= REWRITE_PARTS_AFTER) {
                    rewriteParts(campaign, writtenMembers);
                } else {
                    CampaignParts.changedChunks(campaign, (key, chunk) -> {
                        chunks++;
                        partsBytes += chunkSizes.size(chunk);
                    });
                }
            }
        }

        private void rewriteParts(Campaign campaign, Set<Object> writtenMembers) {
            CampaignParts.everyChunk(campaign, (key, chunk) -> {
                chunks++;
                rewrittenChunks++;
                int size = chunkSizes.size(chunk);
                partsBytes += size;
                rewrittenBytes += size;
            });
            for (String id : campaign.findings) {
                CampaignMember member = member(id);
                if (member != null && !writtenMembers.contains(member)) {
                    rewrittenFindings++;
                    rewrittenBytes += memberWrites.size(member);
                }
            }
        }

        @Override
        public void putMember(CampaignMember member) {
            super.putMember(member);
            memberWrites.put(member.incident.id(), member);
        }

        @Override
        public void removeMember(String incidentId) {
            super.removeMember(incidentId);
            memberWrites.removed(incidentId);
        }

        @Override
        public void putCampaign(Campaign campaign) {
            super.putCampaign(campaign);
            campaignWrites.put(campaign.id, campaign);
        }

        @Override
        public void removeCampaign(String id) {
            super.removeCampaign(id);
            campaignWrites.removed(id);
        }
    }
}
