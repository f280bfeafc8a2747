package org.varsel.desk.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.RejectedMessages;
import org.varsel.desk.intake.DeadLetterConsumer;
import org.varsel.desk.intake.SignalIntake;

/**
 * Removes a person's data from the desk's database, in one transaction, and audits that it happened (with counts,
 * never with whom it was about).
 *
 * <ul>
 *   <li>{@link #eraseHandle}: every evidence signal the account posted (by clear handle or pseudonym) leaves the
 *       incidents, with its intake receipt; the account leaves the sample accounts; any other mention of the handle
 *       or pseudonym (texts, URLs, titles, comments, audit events) becomes {@value #ERASED}; dead letters and rejected
 *       messages whose bytes name it are deleted.
 *   <li>{@link #eraseSignal}: the signal leaves every incident's evidence, its receipt and dead letters are deleted.
 * </ul>
 * Aggregates (signal and account counts, timelines) stay: they say how big a campaign was, not who took part.
 */
public final class Erasure {
    public static final String ERASED = "[erased]";
    public static final String ACTION = "privacy.erase";

    private final Database database;
    private final AuditLog audit;
    private final IncidentStore incidentStore;

    public Erasure(Database database) {
        this.database = database;
        this.audit = new AuditLog(database);
        this.incidentStore = new IncidentStore(database);
    }

    /** What an erasure changed, per table, and its number in the register of erasure requests. */
    public record Report(Map<String, Integer> changes, List<String> incidents, long request) {}

    /**
     * Erases an account: {@code identifiers} are its clear handle and its pseudonym(s) ({@code anon-…}); matching is
     * case-insensitive, a leading {@code @} ignored.
     */
    public Report eraseHandle(Set<String> identifiers, String actor) throws SQLException {
        Set<String> terms = terms(identifiers);
        return database.inTransaction(connection -> {
            Report erased = eraseHandle(connection, terms, actor);
            return new Report(
                    erased.changes(),
                    erased.incidents(),
                    ErasureRegister.open(connection, actor, "handle", terms, erased.changes()));
        });
    }

    /**
     * Erases the subjects of an open request again (the register's re-check): what a store brought back since — an
     * incident version the pipeline emitted from its state, a rebuild from the incidents topic — goes too.
     */
    Report eraseAgain(Connection connection, ErasureRegister.Open request) throws SQLException {
        return request.kind().equals("handle")
                ? eraseHandle(connection, terms(request.subjects()), ErasureRegister.ACTOR)
                : eraseSignal(connection, request.subjects().iterator().next(), ErasureRegister.ACTOR);
    }

    private static Set<String> terms(Set<String> identifiers) {
        Set<String> terms = new LinkedHashSet<>();
        for (String identifier : identifiers) {
            String t = identifier.trim();
            t = t.startsWith("@") ? t.substring(1) : t;
            if (t.contains("|") || t.contains("\\")) {
                throw new IllegalArgumentException("a handle to erase cannot contain | or \\");
            }
            if (t.length() < 2) {
                throw new IllegalArgumentException("a handle to erase needs at least 2 characters");
            }
            terms.add(t);
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("nothing to erase");
        }
        return terms;
    }

    private Report eraseHandle(Connection connection, Set<String> terms, String actor) throws SQLException {
        Pattern mention = Pattern.compile(
                terms.stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Map<String, Integer> changes = new LinkedHashMap<>();
        List<String> incidents = new ArrayList<>();
        Set<String> removedSignals = new LinkedHashSet<>();
        int evidence = 0;
        for (IncidentStore.StoredText row : incidentStore.mentioning(connection, postgresRegex(mention))) {
            ObjectNode payload = row.payload();
            evidence += removeEvidence(
                    payload, signal -> matchesAccount(signal.path("author").asText(null), terms), removedSignals);
            JsonNode accounts = payload.path("evidence").path("accounts");
            if (accounts.isArray()) {
                for (Iterator<JsonNode> it = accounts.iterator(); it.hasNext(); ) {
                    String account = it.next().asText();
                    if (matchesAccount(
                            account.contains(":") ? account.substring(account.indexOf(':') + 1) : account, terms)) {
                        it.remove();
                    }
                }
            }
            JsonNode scrubbed = scrub(payload, mention);
            String title =
                    row.title() == null ? null : mention.matcher(row.title()).replaceAll(ERASED);
            incidentStore.replacePayloadAndTitle(connection, row.id(), scrubbed, title);
            incidents.add(row.id());
        }
        changes.put("incidents", incidents.size());
        changes.put("evidence_signals", evidence);
        changes.put("receipts", SignalIntake.deleteReceipts(connection, removedSignals));
        changes.put("comments", rewriteText(connection, "incident_comment", "id", "body", mention));
        changes.put("dead_letters", DeadLetterConsumer.deleteOfSignals(connection, removedSignals));
        changes.put("rejected_messages", RejectedMessages.deleteNaming(connection, terms));
        changes.put(
                "audit_events",
                audit.rewriteMatching(
                        connection,
                        postgresRegex(mention),
                        text -> mention.matcher(text).replaceAll(ERASED),
                        json -> scrub(json, mention)));
        record(connection, actor, "handle", changes);
        return new Report(changes, incidents, 0);
    }

    /** Erases one signal by its id (as the desk shows it: {@code signal_id} of the evidence, or the intake receipt). */
    public Report eraseSignal(String signalId, String actor) throws SQLException {
        return database.inTransaction(connection -> {
            Report erased = eraseSignal(connection, signalId, actor);
            return new Report(
                    erased.changes(),
                    erased.incidents(),
                    ErasureRegister.open(connection, actor, "signal", Set.of(signalId), erased.changes()));
        });
    }

    private Report eraseSignal(Connection connection, String signalId, String actor) throws SQLException {
        Map<String, Integer> changes = new LinkedHashMap<>();
        List<String> incidents = new ArrayList<>();
        Set<String> removed = new LinkedHashSet<>();
        int evidence = 0;
        for (IncidentStore.StoredText row : incidentStore.withEvidenceOf(connection, signalId)) {
            evidence += removeEvidence(
                    row.payload(),
                    signal -> signalId.equals(signal.path("signal_id").asText()),
                    removed);
            incidentStore.replacePayload(connection, row.id(), row.payload());
            incidents.add(row.id());
        }
        removed.add(signalId);
        changes.put("incidents", incidents.size());
        changes.put("evidence_signals", evidence);
        changes.put("receipts", SignalIntake.deleteReceipts(connection, removed));
        changes.put("dead_letters", DeadLetterConsumer.deleteOfSignals(connection, removed));
        record(connection, actor, "signal", changes);
        return new Report(changes, incidents, 0);
    }

    private void record(Connection connection, String actor, String kind, Map<String, Integer> changes)
            throws SQLException {
        if (actor.equals(ErasureRegister.ACTOR) && changes.values().stream().allMatch(count -> count == 0)) {
            return; // a re-check that found nothing come back is no event
        }
        ObjectNode after = Json.mapper().createObjectNode();
        after.put("subject", kind);
        changes.forEach(after::put);
        audit.record(connection, actor, ACTION, Optional.empty(), Optional.empty(), Optional.of(after));
    }

    private static boolean matchesAccount(String author, Set<String> terms) {
        if (author == null) {
            return false;
        }
        String a = author.startsWith("@") ? author.substring(1) : author;
        return terms.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals(a.toLowerCase(Locale.ROOT)));
    }

    private interface SignalTest {
        boolean test(JsonNode signal);
    }

    private static int removeEvidence(ObjectNode payload, SignalTest erase, Set<String> removedIds) {
        JsonNode signals = payload.path("evidence").path("signals");
        int removed = 0;
        if (signals instanceof ArrayNode array) {
            for (Iterator<JsonNode> it = array.iterator(); it.hasNext(); ) {
                JsonNode signal = it.next();
                if (erase.test(signal)) {
                    removedIds.add(signal.path("signal_id").asText());
                    it.remove();
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Every string in the tree (keys of maps too) with each mention replaced. */
    static JsonNode scrub(JsonNode node, Pattern mention) {
        if (node.isTextual()) {
            Matcher m = mention.matcher(node.asText());
            return m.find() ? TextNode.valueOf(m.replaceAll(ERASED)) : node;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrub(array.get(i), mention));
            }
            return array;
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = Json.mapper().createObjectNode();
            object.fields()
                    .forEachRemaining(e ->
                            copy.set(mention.matcher(e.getKey()).replaceAll(ERASED), scrub(e.getValue(), mention)));
            return copy;
        }
        return node;
    }

    /** The terms as one PostgreSQL regular expression (every character but letters and digits escaped). */
    private static String postgresRegex(Pattern mention) {
        return mention.pattern()
                .replace("\\Q", "")
                .replace("\\E", "")
                .chars()
                .mapToObj(c -> Character.isLetterOrDigit(c) || c == '|' ? String.valueOf((char) c) : "\\" + (char) c)
                .reduce("", String::concat);
    }

    private static int rewriteText(Connection connection, String table, String key, String column, Pattern mention)
            throws SQLException {
        int changed = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + key + ", " + column + " FROM " + table + " WHERE " + column + " ~* ?")) {
            select.setString(1, postgresRegex(mention));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ?")) {
                        update.setString(1, mention.matcher(rows.getString(2)).replaceAll(ERASED));
                        update.setObject(2, rows.getObject(1));
                        changed += update.executeUpdate();
                    }
                }
            }
        }
        return changed;
    }
}
