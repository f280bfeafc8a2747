package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs independent cases of a long comparison on every core: the cases are dealt into one share a core (case i to
 * share i mod n) and each share runs on its own thread with whatever it builds itself (engines are not shared across
 * threads). Every case still runs exactly once; a failed assertion of any share fails the caller with that error.
 */
final class OnEveryCore {

    private OnEveryCore() {}

    static <T, R> List<R> run(List<T> cases, Function<List<T>, R> share) {
        int n = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), cases.size()));
        List<List<T>> shares = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < cases.size(); i++) {
            shares.get(i % n).add(cases.get(i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<R>> running = new ArrayList<>();
            for (List<T> s : shares) {
                running.add(threads.submit(() -> share.apply(s)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : running) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
