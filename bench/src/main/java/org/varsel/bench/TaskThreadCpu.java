package org.varsel.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per Flink task of a benchmark's local jobs: runs another harness's {@code main} while it samples every
 * thread's CPU time every 50 ms, then prints the total per task name (the thread name less its subtask suffix). Process
 * CPU counts the JIT, GC and the MiniCluster's own threads, which scatter by more than a small operator costs on a
 * loaded box; a task thread's CPU is that operator's (and what is chained to it). A thread's last 50 ms before it ends
 * can be missed. {@code bench/run org.varsel.bench.TaskThreadCpu <harness-class> [its args]}
 */
public final class TaskThreadCpu {
    private static final long SAMPLE_MILLIS = 50;

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample(threads, names, cpu);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        String[] harnessArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) harnessArgs);
        sampler.interrupt();
        sampler.join();
        sample(threads, names, cpu);
        Map<String, Long> perTask = new TreeMap<>();
        cpu.forEach((id, nanos) -> perTask.merge(task(names.get(id)), nanos, Long::sum));
        System.out.println("CPU per task over every job of the run (ms):");
        perTask.entrySet().stream()
                .filter(e -> e.getValue() >= 100_000_000L)
                .forEach(e -> System.out.printf("%,10d  %s%n", e.getValue() / 1_000_000, e.getKey()));
    }

    private static synchronized void sample(ThreadMXBean threads, Map<Long, String> names, Map<Long, Long> cpu) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                names.put(info.getThreadId(), info.getThreadName());
                cpu.merge(info.getThreadId(), nanos, Math::max);
            }
        }
    }

    /** "consolidation -> Sink: Discarding sink (1/1)#0" → "consolidation -> Sink: Discarding sink". */
    private static String task(String thread) {
        return thread.replaceAll(" \\(\\d+/\\d+\\)#\\d+$", "").replaceAll("-\\d+$", "-N");
    }
}
