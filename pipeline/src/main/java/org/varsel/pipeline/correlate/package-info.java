/**
 * <h2>Correlation: analysed signals into incidents</h2>
 *
 * The detectors that turn a stream of analysed signals ({@link org.varsel.pipeline.analysis.AnalysedSignal}) into
 * incidents that explain themselves, free of Flink: each detector's logic for one key reads and writes a small
 * state interface, so the same code runs in the Flink operator ({@link org.varsel.pipeline.operators.DetectorFunction}),
 * in a replay without Flink ({@link org.varsel.pipeline.correlate.DetectorReplay}) and in tests. What each incident
 * kind means and how severity is computed: docs/incidents.md.
 *
 * <h3>From a signal to a key</h3>
 *
 * {@link org.varsel.pipeline.correlate.CorrelationKeys} gives each signal the keys it counts under, one detector each:
 * a MinHash content key for co-similar text ({@link org.varsel.pipeline.correlate.MinHash},
 * {@link org.varsel.pipeline.correlate.ShingledText}), canonical URLs for co-link, hashtags for a hashtag push, a
 * category or target group for a surge, a target group (and region) for early warnings. A
 * {@link org.varsel.pipeline.correlate.KeyedSignal} is a signal under one key; signals whose rule matches only quote
 * or condemn (context rules) open no surge.
 *
 * <h3>Detectors</h3>
 *
 * A {@link org.varsel.pipeline.correlate.Detector} is called for each keyed signal and for the moments it asked to be
 * woken at, with the watermark (the event time before which no more on-time signals arrive):
 *
 * <ul>
 *   <li>{@link org.varsel.pipeline.correlate.CoordinatedAccounts}: co-similar text and co-link, enough distinct
 *       accounts within a window (state {@link org.varsel.pipeline.correlate.CoordinationState});
 *   <li>{@link org.varsel.pipeline.correlate.BaselineBursts}: hashtag push and surge, a bucket far above the key's
 *       rolling {@link org.varsel.pipeline.correlate.Baseline} (state {@link org.varsel.pipeline.correlate.BurstState});
 *   <li>{@link org.varsel.pipeline.correlate.EarlyWarnings}: a target group's daily or weekly trend against its
 *       baseline (state {@link org.varsel.pipeline.correlate.TrendState});
 *   <li>{@link org.varsel.pipeline.correlate.SingleSignals}: one signal is an incident on its own (a partner's
 *       confident assessment, a grave rule hit or classifier score; the score alone reaches the high tier only
 *       when the text names a target and an attack, {@link org.varsel.pipeline.correlate.ClassifierAlone}), no state.
 * </ul>
 *
 * <h3>State and time</h3>
 *
 * A detector sees its key's state only through {@link org.varsel.pipeline.correlate.KeyState}: a head value, a set
 * of accounts, a waiting list of signals not yet due; clearing it forgets the key, and the operator puts a TTL on
 * every part. It speaks back through {@link org.varsel.pipeline.correlate.Updates}: send an incident update, wake me at
 * a moment of event time. {@link org.varsel.pipeline.correlate.MemoryKeyState} keeps the same state in plain
 * collections; {@code DetectorStateBackendsTest} proves heap, RocksDB and the in-memory replay find the same.
 *
 * <h3>Incidents that explain themselves</h3>
 *
 * {@link org.varsel.pipeline.correlate.IncidentDraft} accumulates an incident's evidence and counts; {@link
 * org.varsel.pipeline.correlate.Severity} turns it into a score and tier with the arithmetic written out, reading each
 * signal's harm from {@link org.varsel.pipeline.harm.HarmReading}; {@link org.varsel.pipeline.correlate.Explanations}
 * says in words why it was flagged; {@link org.varsel.pipeline.correlate.IncidentIds} names it stably, so the same
 * detector and key give the same id across restarts and replays, and each update carries a growing version. The
 * detectors' findings ({@link org.varsel.pipeline.correlate.FindingUpdate}) then meet in {@link
 * org.varsel.pipeline.campaign}, where one campaign becomes one incident.
 */
package org.varsel.pipeline.correlate;
