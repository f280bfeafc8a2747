package org.varsel.pipeline.operators;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.varsel.contract.Csam;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.ParseOutcome;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;
import org.varsel.pipeline.io.RawSignal;

/**
 * Parses and validates raw signals; whatever cannot be accepted leaves by {@link #DEAD_LETTERS}, never by an exception.
 * A signal labelled CSAM never goes on: it is stripped to its URL and metadata ({@link Csam#strip}; intake strips
 * first, this is the second line) and leaves by {@link #HOTLINE}; a CSAM-labelled record that cannot be accepted is
 * dead-lettered with its reason and the stripped form, never with its original bytes (docs/child-safety.md).
 */
public final class ParseSignal extends ProcessFunction<RawSignal, Signal> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));
    /** Signals labelled CSAM, stripped: for the hotline track only, never for incidents. */
    public static final OutputTag<Signal> HOTLINE = new OutputTag<>("hotline", TypeInformation.of(Signal.class));
    /** The operator's metric of CSAM-labelled raw records that still carried more than URL and metadata. */
    public static final String CSAM_STRIPPED_METRIC = "csamStrippedInPipeline";
    /** The operator's metric of records sent to the dead-letter topic (docs/operations.md, monitoring). */
    public static final String DEAD_LETTERS_METRIC = "deadLetters";

    private transient Counter deadLetters;
    private transient Counter csamStripped;

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter(DEAD_LETTERS_METRIC);
        csamStripped = getRuntimeContext().getMetricGroup().counter(CSAM_STRIPPED_METRIC);
    }

    @Override
    public void processElement(RawSignal raw, Context context, Collector<Signal> out) {
        ParseOutcome outcome;
        try {
            outcome = SignalCodec.parse(raw.value(), raw.source(), raw.receivedAt());
        } catch (RuntimeException bug) {
            // A bug of ours must not stop the stream or lose the record: keep it with what went wrong.
            outcome = new ParseOutcome.Rejected("internal error while parsing: " + bug);
        }
        if (outcome instanceof ParseOutcome.Accepted accepted && Csam.isCsam(accepted.signal())) {
            Signal stripped = Csam.strip(accepted.signal());
            if (!stripped.equals(accepted.signal())) {
                csamStripped.inc();
            }
            if (Csam.hasUrl(stripped)) {
                context.output(HOTLINE, stripped);
            } else {
                deadLetter(
                        raw,
                        "labelled csam without a url: nothing of it is kept but this reason and its metadata",
                        context);
            }
        } else if (outcome instanceof ParseOutcome.Accepted accepted) {
            out.collect(accepted.signal());
        } else if (outcome instanceof ParseOutcome.Rejected rejected) {
            deadLetter(raw, rejected.reason(), context);
        }
    }

    private void deadLetter(RawSignal raw, String reason, Context context) {
        DeadLetter letter = raw.deadLetter(reason, Instant.now());
        if (Csam.labelledInBytes(raw.value())) {
            // the reason may quote the record (a codec message); neither it nor the bytes may carry CSAM-labelled
            // content
            letter = new DeadLetter(
                    "labelled csam and not a valid signal; original bytes withheld (docs/child-safety.md)",
                    letter.source(),
                    letter.topic(),
                    letter.partition(),
                    letter.offset(),
                    letter.failedAt(),
                    Csam.strippedBytes(raw.value()));
        }
        context.output(DEAD_LETTERS, letter);
        deadLetters.inc();
    }
}
