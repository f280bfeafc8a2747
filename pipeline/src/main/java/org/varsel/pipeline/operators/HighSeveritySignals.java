package org.varsel.pipeline.operators;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.SingleSignals;

/** A single grave signal (a severe rule, a very hateful text) is its own incident. */
public final class HighSeveritySignals implements FlatMapFunction<AnalysedSignal, Incident> {
  private final SingleSignals detector;

  public HighSeveritySignals(SingleSignals detector) {
    this.detector = detector;
  }

  @Override
  public void flatMap(AnalysedSignal analysed, Collector<Incident> out) {
    detector.highSeverity(analysed).ifPresent(out::collect);
  }
}
