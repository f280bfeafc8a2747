package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * The signal's index keeps its buffers over a reset: a fresh index takes a 32 KB block of ints and one of bytes for
 * every signal, the reused one none after the first. Matching the same through a reused index is the equivalence
 * tests' part ({@code RuleEngineEquivalenceTest} runs thousands of texts through one engine).
 */
class SignalIndexTest {

    private static final int SIGNALS = 200;
    private static final long BLOCK = 32 * 1024;

    @Test
    void aSignalAfterTheFirstTakesNoNewBlocks() {
        MemoryIndex reused = SignalIndex.create();
        long perSignal = allocatedPerSignal(() -> reused);
        assertThat(perSignal).as("bytes allocated a signal, reused index").isLessThan(BLOCK);
        // the measure itself: a fresh index a signal takes both blocks
        long fresh = allocatedPerSignal(() -> new MemoryIndex(true, false));
        assertThat(fresh).as("bytes allocated a signal, fresh index").isGreaterThan(2 * BLOCK);
    }

    @Test
    void aResetIndexHoldsNothingOfTheSignalBefore() {
        MemoryIndex index = SignalIndex.create();
        Analyzer analyzer = new StandardAnalyzer();
        index.addField("text", "kill them all", analyzer);
        index.freeze();
        assertThat(index.search(new TermQuery(new Term("text", "kill")))).isPositive();
        index.reset();
        index.addField("text", "a quiet day", analyzer);
        index.freeze();
        assertThat(index.search(new TermQuery(new Term("text", "kill")))).isZero();
    }

    private static long allocatedPerSignal(Supplier<MemoryIndex> indexes) {
        Analyzer analyzer = new StandardAnalyzer();
        String text = "they are coming for our town tonight, share this before it is taken down #stopthem";
        for (int i = 0; i < SIGNALS; i++) {
            index(indexes.get(), analyzer, text);
        }
        long before = allocated();
        for (int i = 0; i < SIGNALS; i++) {
            index(indexes.get(), analyzer, text);
        }
        return (allocated() - before) / SIGNALS;
    }

    private static void index(MemoryIndex index, Analyzer analyzer, String text) {
        index.addField("text", text, analyzer);
        index.freeze();
        index.reset();
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
