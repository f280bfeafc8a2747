package org.varsel.desk.intake.feed;

import java.io.IOException;
import java.sql.SQLException;

/** A source of public signals that is polled. */
public interface Feed {
    FeedDefinition definition();

    /** Sends what is new since the last poll; returns how many signals were accepted as new. */
    long poll() throws IOException, SQLException, InterruptedException;
}
