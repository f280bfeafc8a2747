package org.varsel.contract;

/** The Kafka topics that couple the deployables; nothing else does. */
public final class Topics {
  public static final String SIGNALS_RAW = "varsel.signals.raw";
  public static final String SIGNALS_DLQ = "varsel.signals.dlq";
  public static final String INCIDENTS = "varsel.incidents";
  public static final String RULES = "varsel.rules";
  public static final String SHADOW_HITS = "varsel.rules.shadow-hits";
  public static final String FEEDBACK = "varsel.feedback";
  /** CSAM-labelled signals, URL and metadata only, for the national hotline (docs/child-safety.md). */
  public static final String HOTLINE = "varsel.hotline";

  private Topics() {}
}
