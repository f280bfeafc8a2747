package org.varsel.desk.cases;

/**
 * Runs a named piece of scheduled work so that, with several desk replicas, one of them does it. {@link #THIS_REPLICA}
 * runs it here unconditionally: the desk's wiring swaps in the advisory-lock helper of the replicas work once it is on
 * main, and nothing else changes.
 */
@FunctionalInterface
public interface OncePerCluster {
  OncePerCluster THIS_REPLICA = (name, work) -> work.run();

  void run(String name, Runnable work);
}
