package org.varsel.pipeline.correlate;

import java.util.List;

/**
 * A detector's state for one key, split by how it is used, so that a backend that (de)serialises a value on every
 * access (RocksDB) touches little per signal:
 * <ul>
 *   <li>a small <b>head</b> ({@code H}), read and written for every signal: counts, timers, open incidents;</li>
 *   <li><b>member sets</b> (the distinct accounts of a bucket or an incident), tested and added one member at a time;</li>
 *   <li>signals <b>waiting</b> for an incident, appended one at a time and read back only when an incident opens or a
 *   group of them is dropped.</li>
 * </ul>
 * {@link org.varsel.pipeline.operators.DetectorFunction} keeps it in Flink keyed state; {@link DetectorReplay} in memory.
 */
public interface KeyState<H> {
    /** The head, or null when this key has no state. */
    H head();

    /** Keeps {@code head} (not null) as this key's head. */
    void setHead(H head);

    /** Adds {@code member} to the named set; true when it was not there yet. */
    boolean addMember(String set, String member);

    /** Whether the named set holds {@code member}. */
    boolean hasMember(String set, String member);

    /** Forgets the named set. */
    void dropMembers(String set);

    /** Appends a waiting signal. */
    void addWaiting(Waiting waiting);

    /** Every waiting signal of this key, in the order they were added. */
    List<Waiting> waiting();

    /** Replaces the waiting signals (after some were taken into an incident or dropped). */
    void setWaiting(List<Waiting> waiting);

    /** Forgets everything this key has: head, member sets and waiting signals. */
    void clear();

    /**
     * Forgets the head and waiting signals of a key whose member sets the detector has all dropped already: a backend
     * that keeps the sets in one map (RocksDB) spares the scan of an empty map, which for the many keys that never open
     * an incident (a co-similar text posted once) was the largest cost of forgetting them.
     */
    void clearWithoutMembers();

    /** The member set named {@code set}, as the account set of an incident draft. */
    default IncidentDraft.AccountSet accounts(String set) {
        return new IncidentDraft.AccountSet() {
            @Override
            public boolean addIfNew(String account) {
                return addMember(set, account);
            }

            @Override
            public boolean contains(String account) {
                return hasMember(set, account);
            }
        };
    }
}
