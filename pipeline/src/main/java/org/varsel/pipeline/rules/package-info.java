/**
 * Analyst-written detection rules: rule packs read from YAML and checked before they go live
 * ({@link org.varsel.pipeline.rules.RuleCheck}), and a Lucene Monitor based matcher ({@link
 * org.varsel.pipeline.rules.RuleEngine}) that explains every hit and points at the words that made
 * it. Free of Flink, so the CLI, the benchmarks and the Flink operators share it.
 */
package org.varsel.pipeline.rules;
