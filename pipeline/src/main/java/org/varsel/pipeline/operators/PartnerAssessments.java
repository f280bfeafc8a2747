package org.varsel.pipeline.operators;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.SingleSignals;

/**
 * A partner's confident assessment reaches the queue: a signal labelled with a harm category and a confidence at
 * or above the threshold becomes its own incident. Less confident labels still count towards surges.
 */
public final class PartnerAssessments implements FlatMapFunction<AnalysedSignal, Incident> {
  private final SingleSignals detector;

  public PartnerAssessments(SingleSignals detector) {
    this.detector = detector;
  }

  @Override
  public void flatMap(AnalysedSignal analysed, Collector<Incident> out) {
    detector.partnerAssessment(analysed).ifPresent(out::collect);
  }
}
