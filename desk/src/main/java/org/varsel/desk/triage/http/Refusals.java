package org.varsel.desk.triage.http;

import java.sql.SQLException;
import org.varsel.desk.http.Problem;
import org.varsel.desk.triage.TriageException;

/** Where a refused triage action becomes the desk's one HTTP error, {@link Problem}, for the API and the pages. */
public final class Refusals {
    private Refusals() {}

    /** Runs a triage action; a refusal is thrown as the problem that answers it. */
    public static <T> T act(Action<T> action) throws SQLException {
        try {
            return action.run();
        } catch (TriageException refused) {
            throw problem(refused);
        }
    }

    public static Problem problem(TriageException refused) {
        return switch (refused.kind()) {
            case NOT_FOUND -> Problem.notFound(refused.getMessage());
            case INVALID -> Problem.badRequest(refused.getMessage());
            case FORBIDDEN -> Problem.forbidden(refused.getMessage());
            case CONFLICT -> Problem.conflict(refused.getMessage());
        };
    }

    /** A triage action that may be refused. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws SQLException, TriageException;
    }
}
