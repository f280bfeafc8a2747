package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Turns a rule's classic-syntax query into one Lucene query over its language fields, and refuses
 * the constructs that are slow, that match far too much, or that the presearcher cannot filter.
 */
final class RuleQueryCompiler {

    /** Most term, phrase and wildcard clauses one rule may hold. */
    static final int MAX_CLAUSES = 32;
    /** Fewest literal characters before a wildcard ({@code ter*} is fine, {@code te*} is not). */
    static final int MIN_WILDCARD_PREFIX = 3;
    /** Shortest term a fuzzy match ({@code ~}) may be applied to. */
    static final int MIN_FUZZY_TERM = 5;
    /** Largest proximity ({@code "a b"~N}). */
    static final int MAX_SLOP = 10;

    /** A compiled query (null when there are errors) and what is wrong or risky with it. */
    record Compiled(Query query, List<String> errors, List<String> warnings) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Analyzer analyzer;
    private final Lexicons lexicons;

    RuleQueryCompiler(Analyzer analyzer) {
        this(analyzer, Lexicons.NONE);
    }

    RuleQueryCompiler(Analyzer analyzer, Lexicons lexicons) {
        this.analyzer = analyzer;
        this.lexicons = lexicons;
    }

    Compiled compile(String queryString, List<RuleLanguage> languages) {
        Set<String> errors = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        if (queryString == null || queryString.isBlank()) {
            return new Compiled(null, List.of("query is empty"), List.of());
        }
        if (languages.isEmpty()) {
            return new Compiled(null, List.of("rule has no languages"), List.of());
        }
        List<Query> perLanguage = new ArrayList<>();
        for (RuleLanguage language : languages) {
            LexiconQueryParser parser = new LexiconQueryParser(language, analyzer, lexicons);
            Query q;
            try {
                q = parser.parse(queryString);
            } catch (ParseException | RuntimeException e) {
                errors.add("query does not parse: " + firstLine(e.getMessage()));
                continue;
            }
            if (!parser.errors.isEmpty()) {
                errors.addAll(parser.errors);
                continue;
            }
            Check check = new Check(language.field(), parser.expansions);
            check.walk(q);
            int terms = largestPart(q);
            if (terms > IndexSearcher.getMaxClauseCount()) {
                // Lucene would refuse that part at match time, and the engine counts a refused part as no match
                errors.add("a part of the query (one side of an OR) expands to " + terms
                        + " terms with its lexicons; Lucene allows " + IndexSearcher.getMaxClauseCount()
                        + " a part: write it as alternatives joined by OR at the top of the query (each is run alone),"
                        + " or reference fewer or smaller lexicons in it");
            }
            if (check.clauses > MAX_CLAUSES) {
                errors.add("query has " + check.clauses + " clauses; at most " + MAX_CLAUSES + " allowed");
            }
            errors.addAll(check.errors);
            if (check.errors.isEmpty() && !anchored(q)) {
                warnings.add("no plain word or phrase is required, so the presearcher must run this rule on every"
                        + " signal: AND the wildcard with a word");
            }
            perLanguage.add(q);
        }
        if (!errors.isEmpty()) {
            return new Compiled(null, List.copyOf(errors), List.copyOf(warnings));
        }
        Query query = perLanguage.get(0);
        if (perLanguage.size() > 1) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            perLanguage.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
            query = any.build();
        }
        return new Compiled(query, List.of(), List.copyOf(warnings));
    }

    /**
     * Terms of the largest part the engine runs alone ({@link QueryDecomposer}: {@code a OR b} is run as {@code a} and
     * as {@code b}), once lexicons are expanded: what Lucene counts against its clause limit when it rewrites a part.
     */
    static int largestPart(Query q) {
        return new QueryDecomposer()
                .decompose(q).stream()
                        .mapToInt(RuleQueryCompiler::countTerms)
                        .max()
                        .orElse(0);
    }

    /** Terms the query holds once lexicons are expanded: what Lucene counts against its clause limit. */
    static int countTerms(Query q) {
        int[] terms = {0};
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... t) {
                terms[0] += t.length;
            }

            @Override
            public void consumeTermsMatching(
                    Query query,
                    String field,
                    java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                terms[0]++;
            }

            @Override
            public void visitLeaf(Query query) {
                terms[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return terms[0];
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }

    /** True when every way of matching needs at least one exact term the presearcher can index. */
    private static boolean anchored(Query q) {
        if (q instanceof BoostQuery b) {
            return anchored(b.getQuery());
        }
        if (q instanceof TermQuery
                || q instanceof PhraseQuery
                || q instanceof MultiPhraseQuery
                || q instanceof SynonymQuery
                || q instanceof IntervalQuery) {
            return true;
        }
        if (q instanceof BooleanQuery bq) {
            boolean anyShould = false;
            boolean allShouldAnchored = true;
            for (BooleanClause c : bq.clauses()) {
                if (c.isRequired() && anchored(c.getQuery())) {
                    return true;
                }
                if (c.getOccur() == BooleanClause.Occur.SHOULD) {
                    anyShould = true;
                    allShouldAnchored &= anchored(c.getQuery());
                }
            }
            return anyShould && allShouldAnchored;
        }
        return false;
    }

    private static final class Check {
        private final String field;
        private final Set<Query> lexiconExpansions;
        private final List<String> errors = new ArrayList<>();
        private int clauses;

        Check(String field, Set<Query> lexiconExpansions) {
            this.field = field;
            this.lexiconExpansions = lexiconExpansions;
        }

        void walk(Query q) {
            if (lexiconExpansions.contains(q)) {
                clauses++; // built from checked lexicon forms: one reviewable clause however many forms it has
            } else if (q instanceof BoostQuery b) {
                walk(b.getQuery());
            } else if (q instanceof BooleanQuery bq) {
                if (bq.clauses().isEmpty()) {
                    errors.add("query has no searchable words after analysis");
                } else if (bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
                    errors.add("a query made only of NOT clauses matches nothing");
                }
                bq.clauses().forEach(c -> walk(c.getQuery()));
            } else if (q instanceof TermQuery t) {
                leaf(t.getTerm());
            } else if (q instanceof PhraseQuery p) {
                clauses++;
                for (Term t : p.getTerms()) {
                    fieldOf(t);
                }
                if (p.getSlop() > MAX_SLOP) {
                    errors.add("proximity ~" + p.getSlop() + " is too wide; at most ~" + MAX_SLOP);
                }
            } else if (q instanceof MultiPhraseQuery || q instanceof SynonymQuery) {
                clauses++;
            } else if (q instanceof RegexpQuery) {
                errors.add("regular expressions (/.../) are not allowed: use words, phrases or a prefix*");
            } else if (q instanceof WildcardQuery w) {
                leaf(w.getTerm());
                String text = w.getTerm().text();
                int firstWildcard = indexOfWildcard(text);
                if (firstWildcard == 0) {
                    errors.add("leading wildcard '" + text + "' is not allowed (it scans every term)");
                } else if (firstWildcard < MIN_WILDCARD_PREFIX) {
                    errors.add("wildcard '" + text + "' needs at least " + MIN_WILDCARD_PREFIX
                            + " letters before the first * or ?");
                }
            } else if (q instanceof PrefixQuery p) {
                leaf(p.getPrefix());
                if (p.getPrefix().text().length() < MIN_WILDCARD_PREFIX) {
                    errors.add("prefix '" + p.getPrefix().text() + "*' is too short; at least " + MIN_WILDCARD_PREFIX
                            + " letters before *");
                }
            } else if (q instanceof FuzzyQuery f) {
                leaf(f.getTerm());
                if (f.getTerm().text().length() < MIN_FUZZY_TERM) {
                    errors.add("fuzzy match on the short term '" + f.getTerm().text() + "~' is not allowed;"
                            + " terms need at least " + MIN_FUZZY_TERM + " letters");
                }
            } else if (q instanceof MatchAllDocsQuery) {
                errors.add("'*:*' matches every signal");
            } else if (q instanceof MatchNoDocsQuery) {
                errors.add("query has no searchable words after analysis");
            } else if (q instanceof TermRangeQuery) {
                errors.add("ranges ([a TO b]) are not allowed");
            } else {
                errors.add("unsupported query construct: " + q.getClass().getSimpleName());
            }
        }

        private void leaf(Term t) {
            clauses++;
            fieldOf(t);
        }

        private void fieldOf(Term t) {
            if (!t.field().equals(field)) {
                String message = "field-qualified terms ('" + t.field() + ":') are not allowed";
                if (!errors.contains(message)) {
                    errors.add(message);
                }
            }
        }

        private static int indexOfWildcard(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '*' || c == '?') {
                    return i;
                }
            }
            return -1;
        }
    }
}
