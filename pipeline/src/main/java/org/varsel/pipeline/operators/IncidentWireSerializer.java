package org.varsel.pipeline.operators;

import static org.varsel.pipeline.operators.WireFields.readEnum;
import static org.varsel.pipeline.operators.WireFields.readInstant;
import static org.varsel.pipeline.operators.WireFields.readInteger;
import static org.varsel.pipeline.operators.WireFields.readList;
import static org.varsel.pipeline.operators.WireFields.readMap;
import static org.varsel.pipeline.operators.WireFields.readNullable;
import static org.varsel.pipeline.operators.WireFields.readString;
import static org.varsel.pipeline.operators.WireFields.readStrings;
import static org.varsel.pipeline.operators.WireFields.writeEnum;
import static org.varsel.pipeline.operators.WireFields.writeInstant;
import static org.varsel.pipeline.operators.WireFields.writeInteger;
import static org.varsel.pipeline.operators.WireFields.writeList;
import static org.varsel.pipeline.operators.WireFields.writeMap;
import static org.varsel.pipeline.operators.WireFields.writeNullable;
import static org.varsel.pipeline.operators.WireFields.writeString;
import static org.varsel.pipeline.operators.WireFields.writeStrings;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.varsel.contract.Incident;
import org.varsel.contract.Incident.ClassifierSummary;
import org.varsel.contract.Incident.Evidence;
import org.varsel.contract.Incident.EvidenceSignal;
import org.varsel.contract.Incident.Finding;
import org.varsel.contract.Incident.MatchedTerm;
import org.varsel.contract.Incident.RuleHitSummary;
import org.varsel.contract.Incident.TimelineBucket;
import org.varsel.contract.Incident.Trend;
import org.varsel.contract.Incident.TrendPoint;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

/**
 * Incidents between operators without reflection: every field in declaration order, strings as UTF-8 blocks. A
 * campaign's incident lists up to 100 findings, so the generic {@code PojoSerializer} (a reflective read per field, a
 * byte at a time per string) made incidents the largest share of the pipeline's network serialisation. Used only on
 * the wire ({@link IncidentTypeInfo}): incidents kept in state keep the serializer they were written with.
 */
public final class IncidentWireSerializer extends TypeSerializerSingleton<Incident> {
    private static final long serialVersionUID = 1L;

    static final IncidentWireSerializer INSTANCE = new IncidentWireSerializer();

    private static final IncidentKind[] KINDS = IncidentKind.values();
    private static final Tier[] TIERS = Tier.values();
    private static final Tlp[] TLPS = Tlp.values();

    @Override
    public boolean isImmutableType() {
        // Incidents are records that no operator changes (ObjectReuseTest holds every operator to that)
        return true;
    }

    @Override
    public Incident createInstance() {
        return null;
    }

    @Override
    public Incident copy(Incident from) {
        return from;
    }

    @Override
    public Incident copy(Incident from, Incident reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Incident incident, DataOutputView out) throws IOException {
        writeString(incident.schema(), out);
        writeString(incident.id(), out);
        out.writeLong(incident.version());
        writeEnum(incident.kind(), out);
        writeString(incident.title(), out);
        writeInstant(incident.firstSeen(), out);
        writeInstant(incident.lastSeen(), out);
        writeInstant(incident.updatedAt(), out);
        out.writeInt(incident.signalCount());
        out.writeInt(incident.accountCount());
        writeStrings(incident.sources(), out);
        writeStrings(incident.platforms(), out);
        writeStrings(incident.languages(), out);
        writeStrings(incident.categories(), out);
        writeStrings(incident.disarm(), out);
        writeStrings(incident.hashtags(), out);
        writeStrings(incident.urls(), out);
        writeStrings(incident.targetGroups(), out);
        writeStrings(incident.hallmarks(), out);
        writeStrings(incident.tcap(), out);
        writeList(incident.ruleHits(), (hit, o) -> writeNullable(hit, IncidentWireSerializer::writeRuleHit, o), out);
        writeNullable(incident.classifier(), IncidentWireSerializer::writeClassifier, out);
        writeNullable(incident.evidence(), IncidentWireSerializer::writeEvidence, out);
        out.writeInt(incident.severity());
        writeEnum(incident.tier(), out);
        writeEnum(incident.tlp(), out);
        writeString(incident.explanation(), out);
        writeList(incident.findings(), (f, o) -> writeNullable(f, IncidentWireSerializer::writeFinding, o), out);
        writeString(incident.mergedInto(), out);
        writeString(incident.suppressedBy(), out);
        writeNullable(incident.trend(), IncidentWireSerializer::writeTrend, out);
    }

    @Override
    public Incident deserialize(DataInputView in) throws IOException {
        return new Incident(
                readString(in),
                readString(in),
                in.readLong(),
                readEnum(KINDS, in),
                readString(in),
                readInstant(in),
                readInstant(in),
                readInstant(in),
                in.readInt(),
                in.readInt(),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readList(i -> readNullable(IncidentWireSerializer::readRuleHit, i), in),
                readNullable(IncidentWireSerializer::readClassifier, in),
                readNullable(IncidentWireSerializer::readEvidence, in),
                in.readInt(),
                readEnum(TIERS, in),
                readEnum(TLPS, in),
                readString(in),
                readList(i -> readNullable(IncidentWireSerializer::readFinding, i), in),
                readString(in),
                readString(in),
                readNullable(IncidentWireSerializer::readTrend, in));
    }

    @Override
    public Incident deserialize(Incident reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<Incident> snapshotConfiguration() {
        return new Snapshot();
    }

    private static void writeRuleHit(RuleHitSummary hit, DataOutputView out) throws IOException {
        writeString(hit.ruleId(), out);
        writeString(hit.title(), out);
        writeInteger(hit.severity(), out);
        writeString(hit.category(), out);
        writeString(hit.packVersion(), out);
        out.writeInt(hit.count());
    }

    private static RuleHitSummary readRuleHit(DataInputView in) throws IOException {
        return new RuleHitSummary(
                readString(in), readString(in), readInteger(in), readString(in), readString(in), in.readInt());
    }

    private static void writeClassifier(ClassifierSummary classifier, DataOutputView out) throws IOException {
        writeString(classifier.modelVersion(), out);
        writeMap(classifier.maxScores(), WireFields::writeDouble, out);
    }

    private static ClassifierSummary readClassifier(DataInputView in) throws IOException {
        return new ClassifierSummary(readString(in), readMap(WireFields::readDouble, in));
    }

    private static void writeEvidence(Evidence evidence, DataOutputView out) throws IOException {
        writeList(evidence.signals(), (s, o) -> writeNullable(s, IncidentWireSerializer::writeSignal, o), out);
        writeStrings(evidence.accounts(), out);
        writeTimeline(evidence.timeline(), out);
        writeMap(evidence.coordination(), WireFields::writeString, out);
        writeMap(evidence.accountPosts(), WireFields::writeInteger, out);
    }

    private static Evidence readEvidence(DataInputView in) throws IOException {
        return new Evidence(
                readList(i -> readNullable(IncidentWireSerializer::readSignal, i), in),
                readStrings(in),
                readTimeline(in),
                readMap(WireFields::readString, in),
                readMap(WireFields::readInteger, in));
    }

    private static void writeSignal(EvidenceSignal signal, DataOutputView out) throws IOException {
        writeString(signal.signalId(), out);
        writeString(signal.source(), out);
        writeString(signal.externalId(), out);
        writeInstant(signal.observedAt(), out);
        writeString(signal.url(), out);
        writeString(signal.platform(), out);
        writeString(signal.author(), out);
        writeString(signal.text(), out);
        writeString(signal.language(), out);
        writeEnum(signal.tlp(), out);
        writeString(signal.category(), out);
        writeStrings(signal.ruleIds(), out);
        writeList(signal.matchedTerms(), (t, o) -> writeNullable(t, IncidentWireSerializer::writeTerm, o), out);
        writeMap(signal.scores(), WireFields::writeDouble, out);
    }

    private static EvidenceSignal readSignal(DataInputView in) throws IOException {
        return new EvidenceSignal(
                readString(in),
                readString(in),
                readString(in),
                readInstant(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readEnum(TLPS, in),
                readString(in),
                readStrings(in),
                readList(i -> readNullable(IncidentWireSerializer::readTerm, i), in),
                readMap(WireFields::readDouble, in));
    }

    private static void writeTerm(MatchedTerm term, DataOutputView out) throws IOException {
        writeString(term.term(), out);
        out.writeInt(term.start());
        out.writeInt(term.end());
    }

    private static MatchedTerm readTerm(DataInputView in) throws IOException {
        return new MatchedTerm(readString(in), in.readInt(), in.readInt());
    }

    private static void writeTimeline(List<TimelineBucket> timeline, DataOutputView out) throws IOException {
        writeList(
                timeline,
                (bucket, o) -> writeNullable(
                        bucket,
                        (b, p) -> {
                            writeInstant(b.start(), p);
                            p.writeInt(b.count());
                        },
                        o),
                out);
    }

    private static List<TimelineBucket> readTimeline(DataInputView in) throws IOException {
        return readList(i -> readNullable(j -> new TimelineBucket(readInstant(j), j.readInt()), i), in);
    }

    private static void writeFinding(Finding finding, DataOutputView out) throws IOException {
        writeString(finding.incidentId(), out);
        writeEnum(finding.kind(), out);
        writeString(finding.title(), out);
        writeInstant(finding.firstSeen(), out);
        writeInstant(finding.lastSeen(), out);
        out.writeInt(finding.signalCount());
        out.writeInt(finding.accountCount());
        out.writeInt(finding.severity());
        writeStrings(finding.accounts(), out);
        writeStrings(finding.hashtags(), out);
        writeStrings(finding.urls(), out);
        writeString(finding.subject(), out);
        writeTimeline(finding.timeline(), out);
        writeString(finding.explanation(), out);
        writeString(finding.joinedBecause(), out);
        writeMap(finding.accountPosts(), WireFields::writeInteger, out);
    }

    private static Finding readFinding(DataInputView in) throws IOException {
        return new Finding(
                readString(in),
                readEnum(KINDS, in),
                readString(in),
                readInstant(in),
                readInstant(in),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                readStrings(in),
                readStrings(in),
                readStrings(in),
                readString(in),
                readTimeline(in),
                readString(in),
                readString(in),
                readMap(WireFields::readInteger, in));
    }

    private static void writeTrend(Trend trend, DataOutputView out) throws IOException {
        writeString(trend.targetGroup(), out);
        writeString(trend.region(), out);
        writeString(trend.period(), out);
        out.writeInt(trend.sustainedPeriods());
        writeString(trend.method(), out);
        writeList(
                trend.series(),
                (point, o) -> writeNullable(
                        point,
                        (p, q) -> {
                            writeInstant(p.start(), q);
                            q.writeInt(p.count());
                            q.writeDouble(p.baseline());
                            q.writeDouble(p.threshold());
                        },
                        o),
                out);
    }

    private static Trend readTrend(DataInputView in) throws IOException {
        return new Trend(
                readString(in),
                readString(in),
                readString(in),
                in.readInt(),
                readString(in),
                readList(
                        i -> readNullable(
                                j -> new TrendPoint(readInstant(j), j.readInt(), j.readDouble(), j.readDouble()), i),
                        in));
    }

    /** The serializer has no configuration: the snapshot only names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Incident> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
