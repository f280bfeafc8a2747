#!/usr/bin/env python3
"""Where a signal's CPU goes, from a JFR recording of `./varsel bench` (docs/performance.md).

Usage: bench/jfr-breakdown.py RECORDING.jfr [--top N]

Reads `jfr print --stack-depth 64 --events jdk.ExecutionSample`, keeps the samples of Flink task and checkpoint
threads (the benchmark's own generator, rule checks and the Kafka broker JVM are not in them), and gives each sample
to the step of the leaf-most frame that names one (so serialising a record inside MatchRules counts as network
serialisation, not as matching). Prints each step's share of the pipeline's samples, and the hottest leaf methods.

Time a task thread spends inside native code (RocksDB's JNI calls) is not in `jdk.ExecutionSample`: JFR samples such
threads in `jdk.NativeMethodSample`, one thread per period among all threads in native code, idle ones included. The
script counts those apart (their share of the pipeline threads' native samples, RocksDB's calls by method) and never
adds them to the shares above: the two events sample at different rates and over different threads.
"""
import collections
import re
import subprocess
import sys

# Leaf-first: the first pattern found walking from the sampled frame down the stack names the step.
STEPS = [
    ("checkpoint: heap snapshot", ("HeapSnapshotStrategy", "AsyncCheckpointRunnable", "CopyOnWriteStateMapSnapshot")),
    # heap state touched while a snapshot runs is copied first (copy-on-write): state work, not a chained copy
    ("heap state access (copy-on-write during snapshots)", ("CopyOnWriteStateMap.",)),
    ("network: serialise", ("RecordWriter.serializeRecord", "RecordWriter.emit", "SerializationDelegate.write")),
    ("network: deserialise", ("SpillingAdaptiveSpanningRecordDeserializer", "NonSpanningWrapper",
                              "StreamElementSerializer.deserialize", "DeserializationDelegate.read",
                              "PojoSerializer.deserialize")),
    ("parse + validate (Jackson, schema)", ("ParseSignal", "SignalCodec", "RawSignalDeserializer")),
    ("language detection", ("LanguageIdentifier",)),
    ("classifier (tokenise + maxent)", ("HarmClassifier",)),
    ("links, tags, mentions", ("EntityExtractor", "UrlCanonicaliser")),
    ("rule matching (Lucene Monitor)", ("RuleEngine", "MatchRules", "org.apache.lucene")),
    ("correlate: detectors + keys", ("DetectorFunction", "CorrelationKeys", "CoordinatedAccounts", "BaselineBursts",
                                     "SingleSignals", "PartnerAssessments", "HighSeveritySignals", "MinHash",
                                     "ShingledText", "IncidentDraft")),
    ("campaign consolidation", ("CampaignFunction", "org.varsel.pipeline.campaign")),
    ("suppress dismissed duplicates", ("SuppressDismissedDuplicates", "DismissedContent")),
    ("dedupe (keyed state)", ("FirstSeenOnly",)),
    ("event time / watermarks", ("TimestampsAndWatermarksOperator", "StatusWatermarkValve")),
    ("kafka sink (serialise, produce)", ("KafkaWriter", "KafkaProducer", "IncidentSerializer", "ShadowHitSerializer",
                                         "DeadLetterSerializer", "org.apache.kafka.clients.producer")),
    ("kafka source (fetch)", ("KafkaSourceReader", "KafkaPartitionSplitReader", "org.apache.kafka.clients.consumer",
                              "SplitFetcher")),
]
PIPELINE_THREAD = re.compile(r"(Source: |-> |\(\d+/\d+\)#|Legacy Source|flink-|Kafka|AsyncOperations|Checkpoint)", re.I)


def is_chained_copy(frames):
    """A deep copy between chained operators: serializer frames only, up to the chain's copying output (the frames
    beyond it, leafwards, are the next operator's own work and go to its step)."""
    at = next((i for i, f in enumerate(frames) if "CopyingChainingOutput" in f), None)
    return at is not None and at > 0 and all(
        ("typeutils" in f or "Serializer" in f or f.startswith("java.")) for f in frames[:at])


def pipeline_events(text, event_name):
    """Yields (thread name, frames leaf first) of the recording's events of one type in pipeline threads."""
    for event in text.split(event_name)[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        name = thread.group(1) if thread else ""
        frames = re.findall(r"^\s+([\w.$<>]+)\(.*?line:", event, re.M)
        if not frames or name in ("main", "bench-incident-watch", "replay-heap-watch"):
            continue
        if any("org.varsel.cli" in f or "RuleCheck" in f for f in frames):
            continue  # the harness: generating signals, checking the generated rules
        if not PIPELINE_THREAD.search(name) and not any("org.apache.flink" in f for f in frames):
            continue
        yield name, frames


def print_native(recording):
    """RocksDB's share of the pipeline threads' native samples (see the module comment: never added to the shares)."""
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.NativeMethodSample", recording],
                          check=True, capture_output=True, text=True).stdout
    rocks = collections.Counter()
    total = 0
    for _, frames in pipeline_events(text, "jdk.NativeMethodSample"):
        total += 1
        call = next((f for f in frames if f.startswith("org.rocksdb.")), None)
        if call:
            rocks[call] += 1
    if not rocks:
        return
    print(f"\nnative code (jdk.NativeMethodSample, sampled apart; not in the shares above): RocksDB "
          f"{sum(rocks.values())} of {total} pipeline-thread native samples "
          f"({100 * sum(rocks.values()) / total:.1f} %), by call:")
    for frame, n in rocks.most_common(10):
        print(f"{100 * n / total:5.1f}%  {frame}")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 15
    text = subprocess.run(["jfr", "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", sys.argv[1]],
                          check=True, capture_output=True, text=True).stdout
    steps = collections.Counter()
    leaves = collections.Counter()
    total = 0
    for _, frames in pipeline_events(text, "jdk.ExecutionSample"):
        total += 1
        leaves[frames[0]] += 1
        step = "other (Flink runtime, JDK, GC helpers)"
        if is_chained_copy(frames):
            steps["chained copy (no object reuse)"] += 1
            continue
        for frame in frames:
            hit = next((s for s, patterns in STEPS if any(p in frame for p in patterns)), None)
            if hit:
                step = hit
                break
        steps[step] += 1
    print(f"{total} samples in pipeline threads")
    for step, n in steps.most_common():
        print(f"{100 * n / max(1, total):5.1f}%  {step}")
    print(f"\nhottest leaf methods (top {top}):")
    for frame, n in leaves.most_common(top):
        print(f"{100 * n / max(1, total):5.1f}%  {frame}")
    print_native(sys.argv[1])


if __name__ == "__main__":
    main()
