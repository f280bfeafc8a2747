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
import org.apache.lucene.util.BitUtil;
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

    /** Field → its terms' numbers. */
    private final Map<String, FieldTerms> numbers = new HashMap<>();
    /** Number → the term's bytes. */
    private final List<BytesRef> terms = new ArrayList<>();

    /** The number of {@code term} in {@code field}, numbered now if no rule or lexicon named it before. */
    int number(String field, BytesRef term) {
        FieldTerms named = numbers.computeIfAbsent(field, f -> new FieldTerms());
        int n = named.get(term);
        if (n < 0) {
            n = terms.size();
            BytesRef copy = BytesRef.deepCopyOf(term);
            terms.add(copy);
            named.put(copy, n);
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
            FieldTerms named = numbers.get(field);
            Terms held = named == null ? null : reader.terms(field);
            if (held == null) {
                return;
            }
            TermsEnum e = held.iterator();
            for (BytesRef term = e.next(); term != null; term = e.next()) {
                int number = named.get(term);
                if (number >= 0) {
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

    /**
     * One field's terms and their numbers, in a table open-addressed by the terms' hashes whose slots hold a term's hash
     * beside where its number and bytes lie, together, in one array: a document's term that no rule names costs a probe
     * of the table, a named one a read of its bytes more. A {@code HashMap<BytesRef, Integer>} chased a node, a key, its
     * bytes and a boxed number, far apart in memory, for every term of every document (1.4 % of the pipeline's samples;
     * docs/performance.md, session 24).
     */
    private static final class FieldTerms {
        /** {@code hash << 32 | (where the term lies in bytes) + 1}; 0 is an empty slot. At most half full. */
        private long[] slots = new long[16];

        private int size;
        /** Each term filed: its number and its length (four bytes each), then its bytes. */
        private byte[] filed = new byte[256];

        private int filedLength;

        /** The number of {@code term}, or -1. */
        int get(BytesRef term) {
            int hash = term.hashCode();
            int mask = slots.length - 1;
            for (int i = hash & mask; slots[i] != 0; i = (i + 1) & mask) {
                long slot = slots[i];
                if ((int) (slot >>> 32) == hash) {
                    int at = (int) slot - 1;
                    int length = (int) BitUtil.VH_LE_INT.get(filed, at + 4);
                    if (Arrays.equals(
                            filed, at + 8, at + 8 + length, term.bytes, term.offset, term.offset + term.length)) {
                        return (int) BitUtil.VH_LE_INT.get(filed, at);
                    }
                }
            }
            return -1;
        }

        /** Files {@code term}, not filed before, under {@code number}. */
        void put(BytesRef term, int number) {
            if (2 * (size + 1) > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                for (long slot : old) {
                    if (slot != 0) {
                        place(slot);
                    }
                }
            }
            int at = filedLength;
            filed = ArrayUtil.grow(filed, at + 8 + term.length);
            BitUtil.VH_LE_INT.set(filed, at, number);
            BitUtil.VH_LE_INT.set(filed, at + 4, term.length);
            System.arraycopy(term.bytes, term.offset, filed, at + 8, term.length);
            filedLength = at + 8 + term.length;
            place((long) term.hashCode() << 32 | (at + 1L));
            size++;
        }

        private void place(long slot) {
            int mask = slots.length - 1;
            int i = (int) (slot >>> 32) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = slot;
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
