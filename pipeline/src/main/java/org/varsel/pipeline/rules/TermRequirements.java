package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The words each rule query needs in a document, compiled once per engine, so that {@link PrecheckedHighlights} can
 * drop a candidate that cannot match with a few bit tests. Every term a rule names gets a number; a document's terms
 * are looked up once ({@link #read}) and a lexicon rule's ~150 forms are then bits, not hash look-ups of term bytes
 * (those look-ups were the hottest part of matching with the lexicon library: docs/performance.md, issue 20).
 */
final class TermRequirements {

    /** Field → term → its number: only the terms some requirement names. */
    private final Map<String, Map<BytesRef, Integer>> numbers = new HashMap<>();
    /**
     * The requirement of every query node of every rule, by instance: the monitor hands its candidate matcher the
     * registered queries or, for a rule in several languages, their clauses, never copies.
     */
    private final Map<Query, Requirement> byQuery = new IdentityHashMap<>();

    private int termCount;

    TermRequirements(Collection<Query> queries) {
        queries.forEach(this::compile);
    }

    /**
     * True only when the query certainly matches nothing in the document: a required term, or a term of a required
     * phrase, is absent, or none of the optional clauses of a query without required ones can match, or an interval
     * query (lexicon proximity) lacks every form of one of its lexicons. Anything else (prefixes, wildcards, fuzzy
     * terms, other query types, a query this engine did not compile) may match and is left to Lucene.
     */
    boolean cannotMatch(Query q, DocumentTerms document) {
        return !requirement(q).possible(document.present);
    }

    /**
     * The compiled requirement; for a boolean query the monitor built itself (it splits {@code (a OR b) AND NOT c}
     * into {@code a AND NOT c} and {@code b AND NOT c}), one put together from its clauses, which are the rule's own.
     */
    private Requirement requirement(Query query) {
        Query q = unwrapped(query);
        Requirement r = byQuery.get(q);
        if (r != null) {
            return r;
        }
        return q instanceof BooleanQuery bq ? clauses(bq, this::requirement) : Requirement.MAY_MATCH;
    }

    /** The document's terms that some rule names, read from its one-document index. */
    DocumentTerms read(IndexReader reader) throws IOException {
        FixedBitSet present = new FixedBitSet(Math.max(1, termCount));
        for (LeafReaderContext ctx : reader.leaves()) {
            for (FieldInfo field : ctx.reader().getFieldInfos()) {
                Map<BytesRef, Integer> named = numbers.get(field.name);
                Terms terms = named == null ? null : ctx.reader().terms(field.name);
                if (terms == null) {
                    continue;
                }
                TermsEnum e = terms.iterator();
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    Integer number = named.get(term);
                    if (number != null) {
                        present.set(number);
                    }
                }
            }
        }
        return new DocumentTerms(present);
    }

    /** Which of the named terms one document holds. */
    record DocumentTerms(FixedBitSet present) {}

    private int number(Term t) {
        Map<BytesRef, Integer> named = numbers.computeIfAbsent(t.field(), f -> new HashMap<>());
        Integer n = named.get(t.bytes());
        if (n == null) {
            n = termCount++;
            named.put(BytesRef.deepCopyOf(t.bytes()), n);
        }
        return n;
    }

    private static Query unwrapped(Query q) {
        Query inner = q;
        while (true) {
            if (inner instanceof BoostQuery b) {
                inner = b.getQuery();
            } else if (inner instanceof ConstantScoreQuery c) {
                inner = c.getQuery();
            } else {
                return inner;
            }
        }
    }

    private Requirement compile(Query query) {
        Query q = unwrapped(query);
        Requirement known = byQuery.get(q);
        if (known != null) {
            return known;
        }
        Requirement r;
        if (q instanceof TermQuery t) {
            r = Requirement.all(new int[] {number(t.getTerm())}, List.of());
        } else if (q instanceof PhraseQuery p) {
            r = Requirement.all(
                    Arrays.stream(p.getTerms()).mapToInt(this::number).toArray(), List.of());
        } else if (q instanceof IntervalQuery) {
            IntervalTerms visitor = new IntervalTerms(BooleanClause.Occur.MUST);
            q.visit(visitor);
            r = visitor.requirement();
        } else if (q instanceof BooleanQuery bq) {
            r = clauses(bq, this::compile);
        } else {
            r = Requirement.MAY_MATCH;
        }
        byQuery.put(q, r);
        return r;
    }

    private static Requirement clauses(BooleanQuery bq, Function<Query, Requirement> ofClause) {
        List<Requirement> required = new ArrayList<>();
        List<Requirement> optional = new ArrayList<>();
        for (BooleanClause c : bq.clauses()) {
            if (c.isRequired()) {
                required.add(ofClause.apply(c.getQuery()));
            } else if (c.getOccur() == BooleanClause.Occur.SHOULD) {
                optional.add(ofClause.apply(c.getQuery()));
            }
        }
        int neededOptional =
                required.isEmpty() ? Math.max(1, bq.getMinimumNumberShouldMatch()) : bq.getMinimumNumberShouldMatch();
        return new Requirement.Clauses(
                required.toArray(Requirement[]::new),
                optional.toArray(Requirement[]::new),
                optional.isEmpty() ? 0 : neededOptional);
    }

    /** What a query needs of the document's terms. */
    private interface Requirement {
        Requirement MAY_MATCH = present -> true;

        boolean possible(FixedBitSet present);

        static Requirement all(int[] terms, List<Requirement> children) {
            return new Every(terms, children.toArray(Requirement[]::new));
        }

        /** Every term and every child. */
        record Every(int[] terms, Requirement[] children) implements Requirement {
            @Override
            public boolean possible(FixedBitSet present) {
                for (int t : terms) {
                    if (!present.get(t)) {
                        return false;
                    }
                }
                for (Requirement c : children) {
                    if (!c.possible(present)) {
                        return false;
                    }
                }
                return true;
            }
        }

        /** One term or one child is enough; nothing listed asks for nothing. */
        record AnyOne(int[] terms, Requirement[] children) implements Requirement {
            @Override
            public boolean possible(FixedBitSet present) {
                for (int t : terms) {
                    if (present.get(t)) {
                        return true;
                    }
                }
                for (Requirement c : children) {
                    if (c.possible(present)) {
                        return true;
                    }
                }
                return terms.length == 0 && children.length == 0;
            }
        }

        /** A boolean query: every required clause, and at least {@code neededOptional} optional ones. */
        record Clauses(Requirement[] required, Requirement[] optional, int neededOptional) implements Requirement {
            @Override
            public boolean possible(FixedBitSet present) {
                for (Requirement r : required) {
                    if (!r.possible(present)) {
                        return false;
                    }
                }
                int possible = 0;
                for (int i = 0; i < optional.length && possible < neededOptional; i++) {
                    possible += optional[i].possible(present) ? 1 : 0;
                }
                return possible >= neededOptional;
            }
        }
    }

    /**
     * The terms an interval query needs, as the query visits them: under a MUST node every term and child, under a
     * SHOULD node (a lexicon's forms) any one. MUST_NOT parts (a negation the match must not span) are ignored, and a
     * node that also matches terms by pattern (a prefix) asks for nothing.
     */
    private final class IntervalTerms extends QueryVisitor {
        private final BooleanClause.Occur occur;
        private final List<Integer> terms = new ArrayList<>();
        private final List<IntervalTerms> children = new ArrayList<>();
        private boolean pattern;

        IntervalTerms(BooleanClause.Occur occur) {
            this.occur = occur;
        }

        @Override
        public void consumeTerms(Query query, Term... ts) {
            for (Term t : ts) {
                terms.add(number(t));
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            pattern = true;
        }

        @Override
        public void visitLeaf(Query query) {
            pattern = true;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur sub, Query parent) {
            if (sub == BooleanClause.Occur.MUST_NOT) {
                return QueryVisitor.EMPTY_VISITOR;
            }
            IntervalTerms child = new IntervalTerms(sub == BooleanClause.Occur.SHOULD ? sub : BooleanClause.Occur.MUST);
            children.add(child);
            return child;
        }

        Requirement requirement() {
            int[] ids = terms.stream().mapToInt(Integer::intValue).toArray();
            List<Requirement> below =
                    children.stream().map(IntervalTerms::requirement).toList();
            if (occur != BooleanClause.Occur.SHOULD) {
                return Requirement.all(ids, below);
            }
            return pattern ? Requirement.MAY_MATCH : new Requirement.AnyOne(ids, below.toArray(Requirement[]::new));
        }
    }
}
