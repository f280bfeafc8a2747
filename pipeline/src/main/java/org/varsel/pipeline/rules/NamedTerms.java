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
 * stood in (docs/performance.md, "(matching, 2026-12-06, session 19)"). Terms are numbered while an engine is built,
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
        FixedBitSet present = new FixedBitSet(Math.max(1, terms.size()));
        int[] found = new int[16];
        int count = 0;
        for (LeafReaderContext ctx : reader.leaves()) {
            for (FieldInfo field : ctx.reader().getFieldInfos()) {
                Map<BytesRef, Integer> named = numbers.get(field.name);
                Terms held = named == null ? null : ctx.reader().terms(field.name);
                if (held == null) {
                    continue;
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
        }
        return new Held(present, Arrays.copyOf(found, count));
    }

    /** The one-document index's reader with the named terms its document holds, read now. */
    Document document(LeafReader reader) throws IOException {
        return new Document(reader, this, read(reader));
    }

    /** What {@code reader}'s document holds: as read with it ({@link #document}), else read now. */
    Held heldBy(LeafReader reader) throws IOException {
        if (reader instanceof Document d && d.numbering == this) {
            return d.held;
        }
        return read(reader);
    }

    /** The named terms one document holds: as bits by number, and their numbers. */
    record Held(FixedBitSet present, int[] numbers) {}

    /**
     * A document's reader that carries the named terms it holds, read once, to the lexicon sources Lucene asks about it
     * ({@link #heldBy}): Lucene's {@code matches} and {@code intervals} pass a source nothing of the document but its
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
