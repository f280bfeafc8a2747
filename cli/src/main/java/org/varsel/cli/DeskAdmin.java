package org.varsel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.db.Database;
import picocli.CommandLine.Mixin;

/**
 * What every command that changes the desk's accounts shares: where the database is, where it prints, and the audit
 * log, in which each change is recorded as {@code cli:<operating-system user>} (as the desk records people's actions).
 */
final class DeskAdmin {
    @Mixin
    DeskDatabaseOptions where;

    Map<String, String> environment = System.getenv();
    PrintStream out = System.out;

    Database open() {
        return where.open(environment);
    }

    /** Records a change in the desk's audit log; {@code details} name what changed, never a secret. */
    void audit(Database database, String action, ObjectNode details) throws SQLException {
        new AuditLog(database).record(actor(), action, Optional.of(details));
    }

    /** The audit log's actor for whoever runs this command. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    static ObjectNode details(String key, String value) {
        return Json.mapper().createObjectNode().put(key, value);
    }
}
