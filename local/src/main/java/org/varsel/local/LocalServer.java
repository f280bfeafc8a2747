package org.varsel.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A server of the local stack that keeps its data in a directory of its own: a temporary one, deleted on close (tests),
 * or a persistent one, kept across runs (the demo).
 */
abstract class LocalServer implements AutoCloseable {

    final Path directory;
    final boolean deleteOnClose;
    private boolean closed;

    LocalServer(Settings<?, ?> settings, String temporaryPrefix) {
        this.deleteOnClose = settings.dataDirectory == null;
        this.directory = deleteOnClose
                ? Directories.createTemp(settings.baseDirectory, temporaryPrefix)
                : settings.dataDirectory.toAbsolutePath();
    }

    /** Starts the server; a no-op if it is running. */
    public abstract LocalServer start();

    /** Stops the server; its data stays for the next {@link #start()}. */
    public abstract void stop();

    /** Fails once the server is closed: its data may be gone. */
    final synchronized void requireOpen(String what) {
        if (closed) {
            throw new IllegalStateException(what + " at " + directory + " is closed");
        }
    }

    /** Stops the server and, unless it was given a persistent data directory, deletes its data. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (deleteOnClose) {
            Directories.deleteRecursively(directory);
        }
    }

    /** What every local server's builder sets alike; every setting has a default that suits a test. */
    abstract static class Settings<B extends Settings<B, S>, S extends LocalServer> {
        private Path baseDirectory = Directories.defaultBase();
        private Path dataDirectory;
        int port;
        Duration startupTimeout;

        Settings(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
        }

        abstract B self();

        public abstract S build();

        /** Where the temporary data directory is created (default {@code java.io.tmpdir}); deleted on close. */
        public B baseDirectory(Path baseDirectory) {
            this.baseDirectory = baseDirectory.toAbsolutePath();
            return self();
        }

        /** A persistent data directory (for the demo): reused across runs, kept on close. */
        public B dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory);
            return self();
        }

        /** The server's port (default: a free one). */
        public B port(int port) {
            this.port = port;
            return self();
        }

        public B startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout);
            return self();
        }

        /** Builds the server and starts it; one that fails to start is closed, so that no temporary data is left. */
        public S start() {
            S server = build();
            try {
                server.start();
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }
}
