package org.varsel.pipeline.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Labels;
import org.varsel.contract.Signal;
import org.varsel.contract.Tier;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;

/**
 * A partner's own assessment reaches the queue: every signal labelled with a harm category becomes an incident
 * whose severity is the partner's confidence (50 when none was given).
 */
public final class PartnerAssessments implements FlatMapFunction<AnalysedSignal, Incident> {
  static final int DEFAULT_CONFIDENCE = 50;
  static final int EXCERPT_CHARS = 1_000;

  @Override
  public void flatMap(AnalysedSignal analysed, Collector<Incident> out) {
    Signal signal = analysed.signal();
    Labels labels = signal.labels();
    if (labels == null || labels.category() == null) {
      return;
    }
    int severity = labels.confidence() == null ? DEFAULT_CONFIDENCE : labels.confidence();
    String account = signal.authorHandle().orElse(null);
    out.collect(new Incident(
        Incident.SCHEMA,
        IncidentIds.of(IncidentKind.PARTNER_ASSESSMENT, signal.id()),
        1,
        IncidentKind.PARTNER_ASSESSMENT,
        "Partner assessment: " + labels.category() + " (" + signal.source() + ")",
        signal.observedAt(),
        signal.observedAt(),
        signal.observedAt(),
        1,
        account == null ? 0 : 1,
        List.of(signal.source()),
        listOf(signal.platform()),
        listOf(signal.language()),
        List.of(labels.category()),
        labels.disarm(),
        List.of(),
        listOf(signal.url()),
        labels.targetGroups(),
        ruleHits(analysed),
        analysed.modelVersion() == null ? null : new Incident.ClassifierSummary(analysed.modelVersion(), analysed.scores()),
        new Incident.Evidence(List.of(evidence(analysed)), listOf(account), List.of(), Map.of()),
        severity,
        Tier.forSeverity(severity),
        signal.tlp(),
        explanation(signal, labels)));
  }

  private static List<Incident.RuleHitSummary> ruleHits(AnalysedSignal analysed) {
    return analysed.ruleMatches().stream()
        .map(m -> new Incident.RuleHitSummary(m.ruleId(), m.title(), m.severity(), m.category(), m.packVersion(), 1))
        .toList();
  }

  private static Incident.EvidenceSignal evidence(AnalysedSignal analysed) {
    Signal signal = analysed.signal();
    String text = signal.text();
    if (text != null && text.length() > EXCERPT_CHARS) {
      text = text.substring(0, EXCERPT_CHARS) + "…";
    }
    return new Incident.EvidenceSignal(signal.id(), signal.source(), signal.externalId(), signal.observedAt(), signal.url(),
        signal.platform(), signal.authorHandle().orElse(null), text, signal.language(), signal.tlp(),
        signal.labels() == null ? null : signal.labels().category(),
        analysed.ruleMatches().stream().map(RuleMatch::ruleId).toList(),
        analysed.ruleMatches().stream().flatMap(m -> m.terms().stream()).filter(t -> t.end() <= EXCERPT_CHARS).toList(),
        analysed.scores());
  }

  private static String explanation(Signal signal, Labels labels) {
    StringBuilder why = new StringBuilder()
        .append(signal.source()).append(" assessed this ").append(signal.kind()).append(" as ").append(labels.category());
    if (labels.confidence() != null) {
      why.append(" with confidence ").append(labels.confidence()).append("/100");
    }
    if (!labels.disarm().isEmpty()) {
      why.append("; DISARM techniques ").append(String.join(", ", labels.disarm()));
    }
    if (!labels.targetGroups().isEmpty()) {
      why.append("; targets ").append(String.join(", ", labels.targetGroups()));
    }
    return why.append(". Partner assessments always reach the queue.").toString();
  }

  private static List<String> listOf(String value) {
    List<String> list = new ArrayList<>(1);
    if (value != null) {
      list.add(value);
    }
    return list;
  }
}
