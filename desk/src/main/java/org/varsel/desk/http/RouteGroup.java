package org.varsel.desk.http;

import io.javalin.Javalin;
import io.javalin.http.Context;

/** Routes another part of the desk adds to its HTTP server (the triage UI and API, intake, ...). */
public interface RouteGroup {
    /**
     * Runs on {@code /api/*} before bearer-token authentication; may set {@link HttpApi#PRINCIPAL} (a browser
     * session, say), and then must have checked everything that way of signing in needs (CSRF tokens).
     */
    default void authenticate(Context ctx) throws Exception {}

    void addTo(Javalin app);
}
