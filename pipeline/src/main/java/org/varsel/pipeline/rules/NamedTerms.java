package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Every term an engine's rules and lexicons name, numbered per field, and which of them a document holds, read once a
 * document ({@link #read}): the candidate checks test a part's requirements on the numbers ({@link TermRequirements}),
 * and a lexicon's proximity source finds the forms whose first word the document holds from them ({@link
 * LexiconIntervals}). Each had read the document's terms itself, a lexicon source once for every candidate part it
 * stood in (docs/performance.md, "Rule matching's debts paid"). Terms are numbered while an engine is built,
 * from one thread; the numbering is only read afterwards.
 */
final class NamedTerms {

    /** Field → term → its number. */
    private final Map<String, Map<BytesRef, Integer>> numbers = new HashMap<>();
    /** Number → the term's bytes. */
    private final List<BytesRef> terms = new ArrayList<>();

    /** The number of {@code term} in {@code field}, numbered now if no rule or lexicon named it before. */
    int number(String field, BytesRef term) {
        Map<BytesRef, Integer> named = numbers.computeIfAbsent(field, f -> new HashMap<>());
        Integer n = named.get(term);
        if (n == null) {
            n = terms.size();
            BytesRef copy = BytesRef.deepCopyOf(term);
            named.put(copy, n);
            terms.add(copy);
        }
        return n;
    }

    /** How many terms are numbered. */
    int size() {
        return terms.size();
    }

    /** The length in bytes of the term numbered {@code number}. */
    int length(int number) {
        return terms.get(number).length;
    }

    /** The named terms the document of this one-document index holds, in every field. */
    Held read(IndexReader reader) throws IOException {
        Reading reading = new Reading();
        for (LeafReaderContext ctx : reader.leaves()) {
            for (FieldInfo field : ctx.reader().getFieldInfos()) {
                reading.field(ctx.reader(), field.name);
            }
        }
        return reading.held();
    }

    /** The one-document index's reader with the named terms its document holds, read now. */
    Document document(LeafReader reader) throws IOException {
        return new Document(reader, this, read(reader));
    }

    /**
     * The named terms {@code reader}'s document holds in {@code field}, or more: as read with it ({@link #document}),
     * else read now in that field alone (a reader of the reference matchers in tests and checks, which ask every
     * lexicon source of every rule).
     */
    FixedBitSet heldIn(LeafReader reader, String field) throws IOException {
        if (reader instanceof Document d && d.numbering == this) {
            return d.held.present();
        }
        Reading reading = new Reading();
        reading.field(reader, field);
        return reading.held().present();
    }

    /** The named terms found so far in the fields read. */
    private final class Reading {
        private final FixedBitSet present = new FixedBitSet(Math.max(1, terms.size()));
        private int[] found = new int[16];
        private int count;

        void field(LeafReader reader, String field) throws IOException {
            Map<BytesRef, Integer> named = numbers.get(field);
            Terms held = named == null ? null : reader.terms(field);
            if (held == null) {
                return;
            }
            TermsEnum e = held.iterator();
            for (BytesRef term = e.next(); term != null; term = e.next()) {
                Integer number = named.get(term);
                if (number != null) {
                    present.set(number);
                    found = ArrayUtil.grow(found, count + 1);
                    found[count++] = number;
                }
            }
        }

        Held held() {
            return new Held(present, Arrays.copyOf(found, count));
        }
    }

    /** The named terms one document holds: as bits by number, and their numbers. */
    record Held(FixedBitSet present, int[] numbers) {}

    /**
     * A document's reader that carries the named terms it holds, read once, to the lexicon sources Lucene asks about it
     * ({@link #heldIn}): Lucene's {@code matches} and {@code intervals} pass a source nothing of the document but its
     * reader.
     */
    static final class Document extends FilterLeafReader {
        /** Whose numbers {@link #held} are: a document read by one engine is never read by another's numbers. */
        private final NamedTerms numbering;

        private final Held held;

        private Document(LeafReader document, NamedTerms numbering, Held held) {
            super(document);
            this.numbering = numbering;
            this.held = held;
        }

        Held held() {
            return held;
        }

        /** Not cached: a one-document index is read once ({@code MemoryIndex}'s reader has no helper either). */
        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }
}
