package org.varsel.desk.brief.store;

import java.sql.SQLException;

/** Records each brief the desk produced: who sent what to whom, with the SHA-256 of the bytes. */
public interface BriefAudit {
    void issued(IssuedBriefRecord brief) throws SQLException;
}
