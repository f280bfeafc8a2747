package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.WeakIdentityMap;

/**
 * The monitor's candidate matcher: what {@link HighlightsMatch#MATCHER} does, minus the work for candidates that
 * cannot match. The presearcher picks a rule because one of its terms occurs in the text, but most candidates then
 * lack another required word ({@code a AND b} with only {@code a} present); rewriting and weighting such a query
 * was ~12% of matching (docs/performance.md). Before that, this checks the query's required plain terms against
 * the document's term dictionary and drops the candidate when one is absent; every other candidate goes the
 * {@code HighlightsMatch} way (rewrite, weight, {@code Weight.matches}, sub-matches of phrases). Only the offsets
 * of the hits are kept: that is all {@link RuleEngine} reports.
 */
final class PrecheckedHighlights {

  /** The spans of one rule's hits in the text, over all fields; may repeat a span. */
  static final class Spans extends QueryMatch {
    final List<int[]> offsets;

    Spans(String queryId, List<int[]> offsets) {
      super(queryId);
      this.offsets = offsets;
    }
  }

  static final MatcherFactory<Spans> MATCHER = searcher -> {
    // a one-document index: the query cache only adds wrapping and usage tracking to every candidate
    searcher.setQueryCache(null);
    return new Matcher(searcher);
  };

  /**
   * What each lexicon rule's interval query needs, found once: visiting a query of ~150 lexicon forms for each
   * candidate cost more than the look-ups. Keyed by the query instance the monitor holds for the rule, weakly, so
   * the queries of a replaced pack go with its monitor.
   */
  private static final WeakIdentityMap<Query, RequiredTerms> REQUIRED_TERMS = WeakIdentityMap.newConcurrentHashMap();

  private PrecheckedHighlights() {}

  private static final class Matcher extends CandidateMatcher<Spans> {
    /** Read at the first candidate: a text without candidates never needs them. */
    private DocumentTerms documentTerms;

    Matcher(IndexSearcher searcher) {
      super(searcher);
    }

    @Override
    protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
      IndexReader reader = searcher.getIndexReader();
      if (documentTerms == null) {
        documentTerms = new DocumentTerms(reader);
      }
      if (cannotMatch(matchQuery, documentTerms)) {
        return;
      }
      Weight w = searcher.createWeight(searcher.rewrite(matchQuery), ScoreMode.COMPLETE_NO_SCORES, 1);
      for (LeafReaderContext ctx : reader.leaves()) {
        for (int i = 0; i < ctx.reader().maxDoc(); i++) {
          Matches matches = w.matches(ctx, i);
          if (matches != null) {
            addMatch(spans(matches, queryId), ctx.docBase + i);
          }
        }
      }
    }

    @Override
    public Spans resolve(Spans a, Spans b) {
      List<int[]> both = new ArrayList<>(a.offsets);
      both.addAll(b.offsets);
      return new Spans(a.getQueryId(), both);
    }

    /** As {@code HighlightsMatch} builds its hits: the sub-matches of a phrase, else the match itself. */
    private static Spans spans(Matches matches, String queryId) throws IOException {
      List<int[]> offsets = new ArrayList<>();
      for (String field : matches) {
        MatchesIterator mi = matches.getMatches(field);
        while (mi.next()) {
          MatchesIterator sub = mi.getSubMatches();
          if (sub != null) {
            while (sub.next()) {
              offsets.add(new int[] {sub.startOffset(), sub.endOffset()});
            }
          } else {
            offsets.add(new int[] {mi.startOffset(), mi.endOffset()});
          }
        }
      }
      return new Spans(queryId, offsets);
    }
  }

  /**
   * True only when the query certainly matches nothing in the reader: a required term, or a term of a required
   * phrase, is not in the document, or none of the optional clauses of a query without required ones can match, or
   * an interval query (lexicon proximity) lacks every form of one of its lexicons.
   * Anything else (prefixes, wildcards, fuzzy terms, unknown query types) may match and is left to Lucene.
   */
  static boolean cannotMatch(Query q, DocumentTerms document) {
    if (q instanceof BoostQuery b) {
      return cannotMatch(b.getQuery(), document);
    }
    if (q instanceof ConstantScoreQuery c) {
      return cannotMatch(c.getQuery(), document);
    }
    if (q instanceof TermQuery t) {
      return !document.contains(t.getTerm());
    }
    if (q instanceof PhraseQuery p) {
      for (Term t : p.getTerms()) {
        if (!document.contains(t)) {
          return true;
        }
      }
      return false;
    }
    if (q instanceof IntervalQuery) {
      RequiredTerms required = REQUIRED_TERMS.get(q);
      if (required == null) {
        required = RequiredTerms.of(q); // two threads may both find it: the same value, put twice
        REQUIRED_TERMS.put(q, required);
      }
      return !required.possible(document);
    }
    if (q instanceof BooleanQuery bq) {
      boolean required = false;
      int should = 0;
      int shouldPossible = 0;
      for (BooleanClause c : bq.clauses()) {
        if (c.isRequired()) {
          required = true;
          if (cannotMatch(c.getQuery(), document)) {
            return true;
          }
        } else if (c.getOccur() == BooleanClause.Occur.SHOULD) {
          should++;
          shouldPossible += cannotMatch(c.getQuery(), document) ? 0 : 1;
        }
      }
      int neededShould = required ? bq.getMinimumNumberShouldMatch() : Math.max(1, bq.getMinimumNumberShouldMatch());
      return should > 0 && shouldPossible < neededShould;
    }
    return false;
  }

  /**
   * The terms an interval query needs, as the query visits them: under a MUST node every term and child, under a
   * SHOULD node (a lexicon's forms) any one. MUST_NOT parts (a negation the match must not span) are ignored.
   */
  private static final class RequiredTerms extends QueryVisitor {
    private final BooleanClause.Occur occur;
    private final List<Term> terms = new ArrayList<>();
    private final List<RequiredTerms> children = new ArrayList<>();

    RequiredTerms(BooleanClause.Occur occur) {
      this.occur = occur;
    }

    static RequiredTerms of(Query q) {
      RequiredTerms required = new RequiredTerms(BooleanClause.Occur.MUST);
      q.visit(required);
      return required;
    }

    @Override
    public void consumeTerms(Query query, Term... ts) {
      terms.addAll(Arrays.asList(ts));
    }

    @Override
    public QueryVisitor getSubVisitor(BooleanClause.Occur sub, Query parent) {
      if (sub == BooleanClause.Occur.MUST_NOT) {
        return QueryVisitor.EMPTY_VISITOR;
      }
      RequiredTerms child = new RequiredTerms(sub == BooleanClause.Occur.SHOULD ? sub : BooleanClause.Occur.MUST);
      children.add(child);
      return child;
    }

    boolean possible(DocumentTerms document) {
      boolean all = occur != BooleanClause.Occur.SHOULD;
      for (Term t : terms) {
        if (document.contains(t) != all) {
          return !all;
        }
      }
      for (RequiredTerms c : children) {
        if (c.possible(document) != all) {
          return !all;
        }
      }
      return all || terms.isEmpty() && children.isEmpty();
    }
  }

  /**
   * The document's terms per field, read once. A lexicon rule's check looks up every form of its lexicons (up to
   * ~150 words); seeking each in the index (a new terms enum per look-up) made the check most of a library rule's
   * cost, for the ~95 % of its candidates it then drops.
   */
  static final class DocumentTerms {
    private final Map<String, Set<BytesRef>> byField = new HashMap<>();

    DocumentTerms(IndexReader reader) throws IOException {
      for (LeafReaderContext ctx : reader.leaves()) {
        for (FieldInfo field : ctx.reader().getFieldInfos()) {
          Terms terms = ctx.reader().terms(field.name);
          if (terms == null) {
            continue;
          }
          Set<BytesRef> these = byField.computeIfAbsent(field.name, f -> new HashSet<>());
          TermsEnum e = terms.iterator();
          for (BytesRef term = e.next(); term != null; term = e.next()) {
            these.add(BytesRef.deepCopyOf(term));
          }
        }
      }
    }

    boolean contains(Term term) {
      Set<BytesRef> terms = byField.get(term.field());
      return terms != null && terms.contains(term.bytes());
    }
  }
}
