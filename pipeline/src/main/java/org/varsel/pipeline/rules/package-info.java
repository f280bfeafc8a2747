/**
 * <h2>Detection rules</h2>
 *
 * Analyst-written rules as data: rule packs and the lexicons their queries name, read from YAML, checked before they
 * go live, and matched against each signal's text by a Lucene Monitor that explains every hit. Free of Flink, so the
 * CLI ({@code ./varsel rules}), the benchmarks and the pipeline's matching operator share it. The file format and the
 * query language are in docs/rules.md.
 *
 * <p>To use, load a pack ({@link org.varsel.pipeline.rules.BundledRules#load()} for the pack built into this jar, or
 * {@link org.varsel.pipeline.rules.BundledRules#fromDirectory(java.nio.file.Path)} for a rules folder), build an engine
 * from it with {@link org.varsel.pipeline.rules.RuleEngine#build(org.varsel.pipeline.rules.RulePack)}, and match texts with {@link
 * org.varsel.pipeline.rules.RuleEngine#match(String, java.util.Optional)}:
 *
 * <pre>{@code
 * try (RuleEngine engine = RuleEngine.build(BundledRules.load())) {
 *   MatchResult result = engine.match("Kill all the migrants at the border", Optional.of("en"));
 *   result.hits();        // active rules: they reach correlation and incidents
 *   result.shadowHits();  // shadow rules: counted and kept to judge the rule, never flagged
 * }
 * }</pre>
 *
 * <h3>Lifecycle of a rule</h3>
 *
 * <ul>
 *   <li><b>Written</b> as YAML in {@code rules/}, each rule with a query, languages, category, tags, severity, TLP,
 *       status ({@link org.varsel.pipeline.rules.RuleStatus}: active, shadow, disabled), an owner and {@code match} /
 *       {@code no_match} examples; lexicons ({@link org.varsel.pipeline.rules.Lexicon}) hold the word lists a query
 *       names as {@code @group}.
 *   <li><b>Checked</b> by {@link org.varsel.pipeline.rules.RuleCheck}: every rule parses and compiles, every example
 *       passes, every lexicon is sound; each problem is a {@link org.varsel.pipeline.rules.RuleProblem} at
 *       {@code file:line}. The build runs the check on {@code rules/} and bundles the pack
 *       ({@link org.varsel.pipeline.rules.BundledRules}); a failing rule fails the build.
 *   <li><b>Packed</b> as a {@link org.varsel.pipeline.rules.RulePack}, whose version is a hash of its content (not of
 *       its file layout), so every hit names the exact pack that produced it.
 *   <li><b>Live</b>: the job starts with the bundled pack; {@code ./varsel rules push} publishes a pack to
 *       {@code varsel.rules}, and the matching operator ({@link org.varsel.pipeline.operators.MatchRules}) takes it
 *       over without a restart, or refuses it (dead letter) and keeps the live one.
 *   <li><b>Judged</b>: analysts' verdicts give each rule a precision interval ({@link org.varsel.pipeline.feedback});
 *       a rule below the floor is proposed for shadow status.
 * </ul>
 *
 * <h3>Queries and analysis</h3>
 *
 * A rule's query is Lucene query syntax over one field per {@link org.varsel.pipeline.rules.RuleLanguage}; the
 * compiler (package-private {@code RuleQueryCompiler}, {@code LexiconQueryParser}) expands {@code @group} lexicon
 * references and reports errors and warnings instead of throwing. Rules and documents share one analysis
 * ({@code RuleAnalyzer}): per-language stemming, accent and repeated-letter folding, script folding, and the repair of
 * obfuscated spellings ({@code ObfuscationCharFilter}, {@code ObfuscationRepairFilter}), so that "k1ll" and "kiiill"
 * match what "kill" matches, and Danish written without æ, ø, å ({@code DanishLettersFilter}), so that "koeller" matches
 * what "køller" matches. In English and Danish documents a word that looks like a person's name gets the token
 * {@code _person_} stacked on it ({@code PersonNameFilter}), so that a rule can aim a threat at any named person, and
 * the token {@code _start_} stands just before a sentence's first word ({@code SentenceStartFilter}), so that a rule
 * can read an imperative ({@code "_start_ @killing_imperative them"~0}); in Danish ones a subject that follows its verb
 * or is left out after "og" is stacked where the rules write it, before the verb ({@code DanishSubjectFilter}: "så
 * slår jeg ham ihjel" reads as "jeg slår ham ihjel", "derfor skal muslimerne skydes" as "muslimerne skal skydes"); in English ones {@code _clause_} stands there
 * too and before a clause inside a sentence that may open with an imperative, after a comma or after "and" behind an
 * imperative ({@code ClauseStartFilter}: "grab her and slap her").
 *
 * <h3>Matching and explanation</h3>
 *
 * {@link org.varsel.pipeline.rules.RuleEngine} analyses each text into a one-document {@code MemoryIndex} (one a
 * thread, emptied after each text and keeping its buffers: {@code SignalIndex}) and runs
 * only the rule queries its terms can satisfy: each query is split into the parts Lucene's Monitor would run separately,
 * what each part needs (required words, phrase words, one form of each lexicon of a proximity) is compiled once per
 * engine into numbered terms ({@code TermRequirements}), each part is filed under a few of them, and the text's terms
 * pick the parts to check and, of those, the ones to match and highlight ({@code PrecheckedHighlights}). This replaced
 * the Monitor's presearcher and query index, which cost more than the candidates they chose (docs/performance.md,
 * "Rule matching without the Monitor's query index"). Each hit ({@link org.varsel.pipeline.rules.RuleHit}) carries the rule's description rendered for this text,
 * the target groups the text names, the matched spans ({@link org.varsel.pipeline.rules.MatchedTerm}, UTF-16 offsets)
 * and whether the text only quotes or condemns what it matched ({@code Quotations}, {@code context} rules). The engine
 * is built per pack: an operator builds it in {@code open()} and on each reload.
 *
 * <h3>Proven, not assumed</h3>
 *
 * An optimisation of the engine must return what the frozen unoptimised engine returns ({@code
 * RuleEngineEquivalenceTest}, a frozen Monitor-based engine); choosing rules by their terms must agree with running
 * every query ({@code PresearcherAgreementTest}, against the test code's {@code NaiveRuleMatcher}, and {@code
 * TermRequirementsTest}); speed is measured in {@code bench/} (docs/performance.md).
 */
package org.varsel.pipeline.rules;
