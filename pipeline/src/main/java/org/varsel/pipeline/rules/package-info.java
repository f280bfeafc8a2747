/**
 * Analyst-written detection rules: rule packs and the lexicons their queries reference ({@code @group}), read from
 * YAML and checked before they go live ({@link org.varsel.pipeline.rules.RuleCheck}), and a Lucene Monitor based
 * matcher ({@link org.varsel.pipeline.rules.RuleEngine}) that explains every hit, names the groups the text names,
 * marks reported and counter-speech, and points at the words that made it. Free of Flink, so the CLI, the
 * benchmarks and the Flink operators share it. Format and semantics: docs/rules.md.
 */
package org.varsel.pipeline.rules;
