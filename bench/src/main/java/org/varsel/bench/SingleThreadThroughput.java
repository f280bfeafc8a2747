package org.varsel.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run every JMH benchmark of the project shares: operations per second on one thread, one fork, 4 × 3 s of
 * warm-up (Lucene's JIT needs 12-16 s on two cores) and 5 × 3 s measured. JMH annotations are inherited, so a
 * benchmark that extends this class measures alike and its figures compare with the others in docs/performance.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public abstract class SingleThreadThroughput {}
