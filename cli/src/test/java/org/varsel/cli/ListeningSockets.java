package org.varsel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets in LISTEN state that a set of processes hold, read from Linux's {@code /proc} (no tool needed):
 * {@code /proc/net/tcp{,6}} gives each listening socket's address and inode, {@code /proc/<pid>/fd} which process
 * holds which inode.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";

    /** One listening socket: its local address in {@code /proc} hex form, and the port. */
    record Socket(String address, int port, long pid) {
        boolean isLoopback() {
            return address.equals("0100007F") // 127.0.0.1
                    || address.equals("00000000000000000000000001000000") // ::1
                    || address.equals("0000000000000000FFFF00000100007F"); // ::ffff:127.0.0.1
        }
    }

    private ListeningSockets() {}

    /** This JVM, its descendants, and the processes whose command line names {@code marker}, with their descendants. */
    static Set<Long> processesOfThisJvmAnd(String marker) {
        Map<Long, Long> parents = new HashMap<>();
        Set<Long> roots = new HashSet<>(Set.of(ProcessHandle.current().pid()));
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                long pid = Long.parseLong(entry.getFileName().toString());
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'
                    parents.put(
                            pid,
                            Long.parseLong(
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]));
                    if (new String(Files.readAllBytes(entry.resolve("cmdline")))
                            .replace('\0', ' ')
                            .contains(marker)) {
                        roots.add(pid);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Long> all = new HashSet<>(roots);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Long, Long> process : parents.entrySet()) {
                if (all.contains(process.getValue()) && all.add(process.getKey())) {
                    grew = true;
                }
            }
        }
        return all;
    }

    /** Every listening TCP socket held by one of the processes. */
    static List<Socket> heldBy(Set<Long> pids) throws IOException {
        Map<Long, Long> inodeToPid = new HashMap<>();
        for (long pid : pids) {
            Path fds = Path.of("/proc", Long.toString(pid), "fd");
            try (Stream<Path> links = Files.list(fds)) {
                for (Path link : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(link).toString();
                        if (target.startsWith("socket:[")) {
                            inodeToPid.put(Long.parseLong(target.substring(8, target.length() - 1)), pid);
                        }
                    } catch (IOException closed) {
                        // the descriptor was closed while we looked
                    }
                }
            } catch (IOException gone) {
                // the process ended while we looked
            }
        }
        List<Socket> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            // read once: the table changes while other processes open and close sockets
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                long inode = Long.parseLong(fields[9]);
                if (fields[3].equals(LISTEN) && inodeToPid.containsKey(inode)) {
                    String[] local = fields[1].split(":");
                    sockets.add(new Socket(local[0], Integer.parseInt(local[1], 16), inodeToPid.get(inode)));
                }
            }
        }
        return sockets;
    }
}
