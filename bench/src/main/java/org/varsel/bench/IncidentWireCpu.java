package org.varsel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentCodec;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.campaign.CampaignSettings;
import org.varsel.pipeline.correlate.FindingUpdate;
import org.varsel.pipeline.operators.IncidentTypeInfo;

/**
 * Thread CPU time of one network hop of an incident (serialise into a buffer, deserialise from it) with Flink's
 * reflective {@code PojoSerializer} against {@code IncidentWireSerializer}, alternating round by round, and the bytes
 * each writes; the incidents are real: {@link CampaignCpu}'s bench mix through the detectors and the campaign operator.
 * {@code bench/run org.varsel.bench.IncidentWireCpu [signals] [rounds] [emit-interval]} (ISO-8601, default
 * {@code PT1M}; {@code PT0S}: every change, as before campaign versions were coalesced)
 */
public final class IncidentWireCpu {
    public static void main(String[] args) throws Exception {
        long signals = args.length > 0 ? Long.parseLong(args[0]) : 30_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<FindingUpdate> findings = CampaignCpu.findings(signals, true);
        CampaignSettings settings = CampaignCpu.settingsWithEmitInterval(args, 2);
        List<Incident> emitted = campaignsOf(findings, settings);
        List<Incident> campaigns =
                emitted.stream().filter(i -> i.kind() == IncidentKind.CAMPAIGN).toList();
        List<Incident> others =
                emitted.stream().filter(i -> i.kind() != IncidentKind.CAMPAIGN).toList();
        TypeSerializer<Incident> reflective =
                TypeInformation.of(Incident.class).createSerializer(new SerializerConfigImpl());
        TypeSerializer<Incident> wire = new IncidentTypeInfo().createSerializer(new SerializerConfigImpl());
        System.out.printf(
                "%,d signals → %,d finding updates → %,d incidents out of the campaign operator (%,d campaigns, %,d "
                        + "single findings; emit interval %s); JSON to the incidents topic %,d bytes%n",
                signals,
                findings.size(),
                emitted.size(),
                campaigns.size(),
                others.size(),
                settings.emitInterval(),
                emitted.stream()
                        .mapToLong(i -> IncidentCodec.toJsonBytes(i).length)
                        .sum());
        for (var set : List.of(campaigns, others)) {
            System.out.printf(
                    "  %s: bytes an incident: reflective %,d, wire %,d, JSON %,d%n",
                    set == campaigns ? "campaigns" : "single findings",
                    bytes(reflective, set) / Math.max(1, set.size()),
                    bytes(wire, set) / Math.max(1, set.size()),
                    set.stream()
                                    .mapToLong(i -> IncidentCodec.toJsonBytes(i).length)
                                    .sum()
                            / Math.max(1, set.size()));
        }
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(
                    "round %d: campaigns reflective %.1f / wire %.1f CPU-µs a hop; single findings reflective %.2f / "
                            + "wire %.2f; JSON encoding of a campaign (the sink) %.1f%n",
                    round,
                    hop(reflective, campaigns),
                    hop(wire, campaigns),
                    hop(reflective, others),
                    hop(wire, others),
                    json(campaigns));
        }
    }

    private static List<Incident> campaignsOf(List<FindingUpdate> findings, CampaignSettings settings)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Incident> emitted = new ArrayList<>();
        try (CloseableIterator<Incident> out = CampaignCpu.campaigns(CampaignCpu.findingStream(env, findings), settings)
                .executeAndCollect()) {
            out.forEachRemaining(emitted::add);
        }
        return emitted;
    }

    /** CPU-µs to serialise and deserialise each incident once, repeated until a second of CPU has passed. */
    private static double hop(TypeSerializer<Incident> serializer, List<Incident> incidents) throws Exception {
        if (incidents.isEmpty()) {
            return 0;
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        DataInputDeserializer in = new DataInputDeserializer();
        long start = cpu.getCurrentThreadCpuTime();
        long hops = 0;
        while (cpu.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
            for (Incident incident : incidents) {
                out.clear();
                serializer.serialize(incident, out);
                in.setBuffer(out.getSharedBuffer(), 0, out.length());
                if (serializer.deserialize(in).version() < 0) {
                    throw new IllegalStateException("read back a negative version");
                }
                hops++;
            }
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1e3 / hops;
    }

    private static double json(List<Incident> incidents) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        long encoded = 0;
        while (cpu.getCurrentThreadCpuTime() - start < 500_000_000L) {
            for (Incident incident : incidents) {
                encoded += IncidentCodec.toJsonBytes(incident).length > 0 ? 1 : 0;
            }
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1e3 / Math.max(1, encoded);
    }

    private static long bytes(TypeSerializer<Incident> serializer, List<Incident> incidents) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        long total = 0;
        for (Incident incident : incidents) {
            out.clear();
            serializer.serialize(incident, out);
            total += out.length();
        }
        return total;
    }
}
