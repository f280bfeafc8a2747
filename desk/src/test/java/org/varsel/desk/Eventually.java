package org.varsel.desk;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something the desk does on another thread. */
final class Eventually {
    private Eventually() {}

    static void await(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
