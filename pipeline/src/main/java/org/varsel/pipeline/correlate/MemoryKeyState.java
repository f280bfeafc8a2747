package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A key's detector state in plain collections: for {@link DetectorReplay}, tests and benchmarks. */
public final class MemoryKeyState<H> implements KeyState<H> {
    private H head;
    private final Map<String, Set<String>> members = new HashMap<>();
    private List<Waiting> waiting = new ArrayList<>();

    @Override
    public H head() {
        return head;
    }

    @Override
    public void setHead(H head) {
        this.head = java.util.Objects.requireNonNull(head, "head");
    }

    @Override
    public boolean addMember(String set, String member) {
        return members.computeIfAbsent(set, s -> new HashSet<>()).add(member);
    }

    @Override
    public boolean hasMember(String set, String member) {
        Set<String> values = members.get(set);
        return values != null && values.contains(member);
    }

    @Override
    public void dropMembers(String set) {
        members.remove(set);
    }

    @Override
    public void addWaiting(Waiting signal) {
        waiting.add(signal);
    }

    @Override
    public List<Waiting> waiting() {
        return new ArrayList<>(waiting);
    }

    @Override
    public void setWaiting(List<Waiting> signals) {
        waiting = new ArrayList<>(signals);
    }

    @Override
    public void clear() {
        head = null;
        members.clear();
        waiting = new ArrayList<>();
    }

    @Override
    public void clearWithoutMembers() {
        if (!members.values().stream().allMatch(Set::isEmpty)) {
            throw new IllegalStateException("a key forgotten without its member sets still holds " + members.keySet());
        }
        clear();
    }

    /** Whether nothing at all is kept: a detector that cleared its head must not leave sets or signals behind. */
    public boolean isEmpty() {
        return head == null && members.values().stream().allMatch(Set::isEmpty) && waiting.isEmpty();
    }

    /** The member sets, by name (read only). */
    public Map<String, Set<String>> memberSets() {
        return java.util.Collections.unmodifiableMap(members);
    }
}
