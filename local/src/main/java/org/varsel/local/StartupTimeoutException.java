package org.varsel.local;

/**
 * A local server that did not answer within its start-up timeout ({@link LocalServer.Settings#startupTimeout}), so a
 * caller can name its own setting for that timeout in the error it shows (a loaded machine needs a longer one).
 */
public final class StartupTimeoutException extends IllegalStateException {

    StartupTimeoutException(String message) {
        super(message);
    }
}
