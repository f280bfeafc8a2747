package org.varsel.pipeline.ingest;

import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.ParseOutcome;
import org.varsel.contract.SignalCodec;
import org.varsel.contract.Signal;
import org.varsel.pipeline.io.RawSignal;

/** Parses and validates raw signals; whatever cannot be accepted leaves by {@link #DEAD_LETTERS}, never by an exception. */
public final class ParseSignal extends ProcessFunction<RawSignal, Signal> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));
  /** The operator's metric of records sent to the dead-letter topic (docs/operations.md, monitoring). */
  public static final String DEAD_LETTERS_METRIC = "deadLetters";

  private transient Counter deadLetters;

  @Override
  public void open(OpenContext openContext) {
    deadLetters = getRuntimeContext().getMetricGroup().counter(DEAD_LETTERS_METRIC);
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
    if (outcome instanceof ParseOutcome.Accepted accepted) {
      out.collect(accepted.signal());
    } else if (outcome instanceof ParseOutcome.Rejected rejected) {
      context.output(DEAD_LETTERS, raw.deadLetter(rejected.reason(), Instant.now()));
      deadLetters.inc();
    }
  }
}
