package org.varsel.local;

import java.time.Duration;

/**
 * A local server that did not answer within its start-up timeout ({@link LocalServer.Settings#startupTimeout}), so a
 * caller can name its own setting for that timeout in the error it shows (a loaded machine needs a longer one).
 */
public final class StartupTimeoutException extends IllegalStateException {

    private final transient Duration timeout;

    StartupTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    /** How long the server was given. */
    public Duration timeout() {
        return timeout;
    }
}
