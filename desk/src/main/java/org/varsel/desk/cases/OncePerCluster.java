package org.varsel.desk.cases;

/**
 * Runs a named piece of scheduled work so that, with several desk replicas, one of them does it: the desk wires in
 * {@code db.ClusterSingleton} (an advisory lock per job, once per re-check interval); tests wire their own.
 */
@FunctionalInterface
public interface OncePerCluster {
    void run(String name, Runnable work);
}
