package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The words each part of a rule query needs in a document, compiled once per engine, so that the engine runs only the
 * parts a document can match. Every term a rule names gets a number; a document's terms are looked up once
 * ({@link #read}) and a lexicon rule's ~150 forms are then bits, not hash look-ups of term bytes (those look-ups were
 * the hottest part of matching with the lexicon library: docs/performance.md, issue 20). Each part is filed under a few
 * terms one of which any document it can match holds (its anchor), so a document's present terms name the parts worth
 * checking, and only those parts' requirements are tested: this replaced the Monitor's query-index search
 * (docs/performance.md, "Rule matching without the Monitor's query index"). Of a part's possible anchors the one
 * the first documents held least often is chosen ({@link #count}), which cut the parts checked a document by 74 %
 * (docs/performance.md, "Rule matching's anchors chosen by the documents seen").
 *
 * <p>The same requirement written in many rules (a lexicon's forms: the bundled pack names 2,708 distinct terms in
 * 23,721 places) is one object, and a lexicon's (one of its {@link #MIN_REMEMBERED_FORMS} or more forms) is answered
 * once a document and remembered for the document's other parts (docs/performance.md, issue 20).
 */
final class TermRequirements {

    /** A requirement of one of at least this many terms is answered once a document; a shorter one is cheaper to test. */
    static final int MIN_REMEMBERED_FORMS = 4;

    /** Documents whose terms are counted before the parts are filed again under their anchors seen least. */
    static final int LEARNED_DOCUMENTS = 1_000;

    /** The terms requirements name, numbered with those the engine's lexicons name, and read once a document. */
    private final NamedTerms named;
    /** The requirement of every query node compiled, by instance: parts share their rule's clauses. */
    private final Map<Query, Requirement> byQuery = new IdentityHashMap<>();
    /** Every requirement compiled, by what it asks: the same words in many rules are one requirement. */
    private final Map<List<Object>, Requirement> byValue = new HashMap<>();

    private final Requirement[] parts;
    /** Where each part is filed: by its terms' lengths at first, by how often documents hold them once seen. */
    private volatile Filing filing;
    /** Term number → documents seen holding it, while the first documents are counted ({@link #count}). */
    private final AtomicIntegerArray seen;

    private final AtomicInteger documentsSeen = new AtomicInteger();
    private final int learnedDocuments;

    private final int termCount;
    /** Requirements answered once a document ({@link Requirement.Remembered}): the slots of a document's answers. */
    private int rememberedCount;

    /** The requirements of {@code parts}, numbered as listed. */
    TermRequirements(List<Query> parts) {
        this(parts, new NamedTerms(), LEARNED_DOCUMENTS);
    }

    /** As above, the parts filed again once {@code learnedDocuments} documents were counted. */
    TermRequirements(List<Query> parts, int learnedDocuments) {
        this(parts, new NamedTerms(), learnedDocuments);
    }

    /**
     * As above, their terms numbered in {@code named} with the terms numbered there before (the engine's lexicons'),
     * which must all be numbered by now: a document's terms are read by these numbers ({@link #of}).
     */
    TermRequirements(List<Query> parts, NamedTerms named, int learnedDocuments) {
        this.named = named;
        this.learnedDocuments = learnedDocuments;
        this.parts = parts.stream().map(this::compile).toArray(Requirement[]::new);
        termCount = named.size();
        seen = new AtomicIntegerArray(termCount);
        filing = file(null);
    }

    /**
     * The parts filed under their anchors: each under the terms one of which every document it can match holds,
     * chosen by {@code seen} (documents seen holding each term; null before any were counted).
     */
    private Filing file(int[] seen) {
        List<List<Integer>> filed = new ArrayList<>();
        for (int t = 0; t < termCount; t++) {
            filed.add(new ArrayList<>());
        }
        List<Integer> always = new ArrayList<>();
        for (int p = 0; p < parts.length; p++) {
            int[] anchor = anchor(parts[p], seen);
            if (anchor == null) {
                always.add(p);
            } else {
                for (int t : anchor) {
                    filed.get(t).add(p);
                }
            }
        }
        return new Filing(
                filed.stream()
                        .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                        .toArray(int[][]::new),
                always.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Term number → the parts filed under it; and the parts no set of terms can rule out (a bare prefix, a fuzzy
     * term), checked for every document.
     */
    private record Filing(int[][] partsByTerm, int[] unanchored) {}

    /**
     * Counts the terms of the first documents ({@link #LEARNED_DOCUMENTS} unless told), then files every part again
     * under its anchor seen least. A term's length guesses its rarity badly: the context filters' markers ({@code
     * _clause_}, {@code _start_}, {@code _person_}) and short words ("you", "er") were single-term anchors in nearly
     * every document. Which anchor is chosen never changes which parts can match, only how many are checked.
     */
    private void count(int[] documentTerms) {
        if (documentsSeen.get() >= learnedDocuments) {
            return;
        }
        for (int t : documentTerms) {
            seen.incrementAndGet(t);
        }
        if (documentsSeen.incrementAndGet() == learnedDocuments) {
            int[] counts = new int[termCount];
            for (int t = 0; t < termCount; t++) {
                counts[t] = seen.get(t);
            }
            filing = file(counts);
        }
    }

    /**
     * The parts that may match the document, by number: every part whose requirement its terms meet. A part left out
     * certainly matches nothing: a required term, or a term of a required phrase, is absent, or none of the optional
     * clauses of a query without required ones can match, or an interval query (lexicon proximity) lacks every form
     * of one of its lexicons. Anything else (prefixes, wildcards, fuzzy terms, other query types) may match and is
     * left to Lucene.
     */
    FixedBitSet possibleParts(DocumentTerms document) {
        count(document.numbers());
        FixedBitSet candidates = filedUnder(document);
        for (int p = candidates.nextSetBit(0); p != DocIdSetIterator.NO_MORE_DOCS; p = nextPart(candidates, p)) {
            if (!parts[p].possible(document.present(), document.answers())) {
                candidates.clear(p);
            }
        }
        return candidates;
    }

    /** The parts filed under the document's terms and those filed under none: those whose requirements are tested. */
    FixedBitSet filedUnder(DocumentTerms document) {
        Filing filed = filing;
        FixedBitSet candidates = new FixedBitSet(Math.max(1, parts.length));
        for (int t : document.numbers()) {
            for (int p : filed.partsByTerm()[t]) {
                candidates.set(p);
            }
        }
        for (int p : filed.unanchored()) {
            candidates.set(p);
        }
        return candidates;
    }

    private static int nextPart(FixedBitSet bits, int p) {
        return p + 1 < bits.length() ? bits.nextSetBit(p + 1) : DocIdSetIterator.NO_MORE_DOCS;
    }

    /** The document's terms that some rule names, read from its one-document index. */
    DocumentTerms read(IndexReader reader) throws IOException {
        return of(named.read(reader));
    }

    /** The document that holds these of the named terms, its requirements not yet answered. */
    DocumentTerms of(NamedTerms.Held held) {
        return new DocumentTerms(held.present(), held.numbers(), new byte[rememberedCount]);
    }

    /**
     * Which of the named terms one document holds: as bits, and their numbers; and the answers of its requirements
     * answered once a document ({@link Requirement.Remembered}), 0 until asked.
     */
    record DocumentTerms(FixedBitSet present, int[] numbers, byte[] answers) {}

    private int number(Term t) {
        return named.number(t.field(), t.bytes());
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
            r = shared(Requirement.all(new int[] {number(t.getTerm())}, List.of()));
        } else if (q instanceof PhraseQuery p) {
            r = shared(Requirement.all(
                    Arrays.stream(p.getTerms()).mapToInt(this::number).toArray(), List.of()));
        } else if (q instanceof IntervalQuery) {
            IntervalTerms visitor = new IntervalTerms(BooleanClause.Occur.MUST);
            q.visit(visitor);
            r = visitor.requirement();
        } else if (q instanceof BooleanQuery bq) {
            r = clauses(bq);
        } else {
            r = Requirement.MAY_MATCH;
        }
        byQuery.put(q, r);
        return r;
    }

    private Requirement clauses(BooleanQuery bq) {
        List<Requirement> required = new ArrayList<>();
        List<Requirement> optional = new ArrayList<>();
        for (BooleanClause c : bq.clauses()) {
            if (c.isRequired()) {
                required.add(compile(c.getQuery()));
            } else if (c.getOccur() == BooleanClause.Occur.SHOULD) {
                optional.add(compile(c.getQuery()));
            }
        }
        int neededOptional =
                required.isEmpty() ? Math.max(1, bq.getMinimumNumberShouldMatch()) : bq.getMinimumNumberShouldMatch();
        return shared(new Requirement.Clauses(
                required.toArray(Requirement[]::new),
                optional.toArray(Requirement[]::new),
                optional.isEmpty() ? 0 : neededOptional));
    }

    /**
     * The one requirement that asks what {@code r} asks (its children are shared already, so they compare by
     * identity); a new lexicon-sized {@link Requirement.AnyOne} gets a slot for its answer a document.
     */
    private Requirement shared(Requirement r) {
        List<Object> key;
        if (r instanceof Requirement.Every e) {
            key = List.of("every", Arrays.toString(e.terms()), List.of(e.children()));
        } else if (r instanceof Requirement.AnyOne a) {
            key = List.of("any", Arrays.toString(a.terms()), List.of(a.children()));
        } else if (r instanceof Requirement.Clauses c) {
            key = List.of("clauses", List.of(c.required()), List.of(c.optional()), c.neededOptional());
        } else {
            return r;
        }
        return byValue.computeIfAbsent(
                key,
                k -> r instanceof Requirement.AnyOne a && a.terms().length + a.children().length >= MIN_REMEMBERED_FORMS
                        ? new Requirement.Remembered(rememberedCount++, a)
                        : r);
    }

    /**
     * Terms one of which every document that meets {@code r} holds, or null when there are none (the requirement can
     * hold without any named term). Of the ways to choose, the one whose terms documents were {@code seen} holding
     * least often (summed), then the fewest terms, then the longest shortest term: a part filed under a common word
     * would be checked for most documents.
     */
    private int[] anchor(Requirement r, int[] seen) {
        if (r instanceof Requirement.Remembered remembered) {
            return anchor(remembered.asked(), seen);
        }
        if (r instanceof Requirement.Every e) {
            int[] best = null;
            for (int t : e.terms()) {
                best = better(best, new int[] {t}, seen);
            }
            for (Requirement c : e.children()) {
                best = better(best, anchor(c, seen), seen);
            }
            return best;
        }
        if (r instanceof Requirement.AnyOne a) {
            return a.terms().length == 0 && a.children().length == 0 ? null : union(a.terms(), a.children(), seen);
        }
        if (r instanceof Requirement.Clauses c) {
            int[] best = null;
            for (Requirement required : c.required()) {
                best = better(best, anchor(required, seen), seen);
            }
            return c.neededOptional() == 0 ? best : better(best, union(new int[0], c.optional(), seen), seen);
        }
        return null;
    }

    /** The terms of all, or null when one of the children has no anchor. */
    private int[] union(int[] terms, Requirement[] children, int[] seen) {
        int[] all = terms;
        for (Requirement c : children) {
            int[] more = anchor(c, seen);
            if (more == null) {
                return null;
            }
            all = IntStream.concat(Arrays.stream(all), Arrays.stream(more)).toArray();
        }
        return IntStream.of(all).distinct().toArray();
    }

    private int[] better(int[] a, int[] b, int[] seen) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (seen != null) {
            long seenA = timesSeen(a, seen);
            long seenB = timesSeen(b, seen);
            if (seenA != seenB) {
                return seenA < seenB ? a : b;
            }
        }
        if (a.length != b.length) {
            return a.length < b.length ? a : b;
        }
        return shortest(b) > shortest(a) ? b : a;
    }

    private static long timesSeen(int[] terms, int[] seen) {
        long sum = 0;
        for (int t : terms) {
            sum += seen[t];
        }
        return sum;
    }

    private int shortest(int[] terms) {
        return Arrays.stream(terms).map(named::length).min().orElse(0);
    }

    /** What a query needs of the document's terms. */
    private interface Requirement {
        Requirement MAY_MATCH = (present, answers) -> true;

        /** {@code answers}: the document's answers of requirements answered once a document, 0 until asked. */
        boolean possible(FixedBitSet present, byte[] answers);

        static Requirement all(int[] terms, List<Requirement> children) {
            return new Every(terms, children.toArray(Requirement[]::new));
        }

        /** Every term and every child. */
        record Every(int[] terms, Requirement[] children) implements Requirement {
            @Override
            public boolean possible(FixedBitSet present, byte[] answers) {
                for (int t : terms) {
                    if (!present.get(t)) {
                        return false;
                    }
                }
                for (Requirement c : children) {
                    if (!c.possible(present, answers)) {
                        return false;
                    }
                }
                return true;
            }
        }

        /** One term or one child is enough; nothing listed asks for nothing. */
        record AnyOne(int[] terms, Requirement[] children) implements Requirement {
            @Override
            public boolean possible(FixedBitSet present, byte[] answers) {
                for (int t : terms) {
                    if (present.get(t)) {
                        return true;
                    }
                }
                for (Requirement c : children) {
                    if (c.possible(present, answers)) {
                        return true;
                    }
                }
                return terms.length == 0 && children.length == 0;
            }
        }

        /** {@code asked}, answered once a document: the same lexicon's forms are tested for many rules' parts. */
        record Remembered(int slot, Requirement asked) implements Requirement {
            private static final byte YES = 1;
            private static final byte NO = 2;

            @Override
            public boolean possible(FixedBitSet present, byte[] answers) {
                byte answer = answers[slot];
                if (answer == 0) {
                    answer = asked.possible(present, answers) ? YES : NO;
                    answers[slot] = answer;
                }
                return answer == YES;
            }
        }

        /** A boolean query: every required clause, and at least {@code neededOptional} optional ones. */
        record Clauses(Requirement[] required, Requirement[] optional, int neededOptional) implements Requirement {
            @Override
            public boolean possible(FixedBitSet present, byte[] answers) {
                for (Requirement r : required) {
                    if (!r.possible(present, answers)) {
                        return false;
                    }
                }
                int possible = 0;
                for (int i = 0; i < optional.length && possible < neededOptional; i++) {
                    possible += optional[i].possible(present, answers) ? 1 : 0;
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
                return shared(Requirement.all(ids, below));
            }
            return pattern
                    ? Requirement.MAY_MATCH
                    : shared(new Requirement.AnyOne(ids, below.toArray(Requirement[]::new)));
        }
    }
}
