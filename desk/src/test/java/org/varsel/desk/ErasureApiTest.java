package org.varsel.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.retention.PrivacyFixtures.evidence;
import static org.varsel.desk.retention.PrivacyFixtures.incident;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.varsel.desk.DeskClient.Caller;
import org.varsel.desk.auth.Role;
import org.varsel.desk.db.Database;
import org.varsel.desk.privacy.Erasure;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.local.PostgresDatabase;
import org.varsel.local.PostgresExtension;

/** After an erasure, the incident the API serves names neither the handle nor its pseudonym. */
@ExtendWith({KafkaBrokerExtension.class, PostgresExtension.class})
class ErasureApiTest {
    static final String PSEUDONYM = "anon-fedcba9876543210fedcba98";

    @Test
    void theServedIncidentHasNoTraceOfTheErasedAccount(LocalKafka kafka, PostgresDatabase database) throws Exception {
        try (Desk desk = Desk.start(DeskTestSupport.config(kafka, database))) {
            Caller lead = Caller.bearer(desk.credentials()
                    .createUser("lee", "lead passphrase".toCharArray(), Role.LEAD, Optional.empty(), "t")
                    .token());
            Instant at = Instant.now();
            desk.incidents()
                    .upsert(List.of(incident(
                            "inc-api",
                            at,
                            List.of(
                                    evidence("sig-p", PSEUDONYM, "ballots were counted twice"),
                                    evidence(
                                            "sig-q",
                                            "anon-111111111111111111111111",
                                            "RT @Mallory_X: ballots were counted twice")))));
            DeskClient client = new DeskClient(desk.port());
            assertThat(client.get("/api/v1/incidents/inc-api", lead).body()).contains(PSEUDONYM, "Mallory_X");

            try (Database db = Database.open(database.jdbcUrl(), database.user(), database.password())) {
                new Erasure(db).eraseHandle(Set.of("mallory_x", PSEUDONYM), "dpo");
            }

            HttpResponse<String> served = client.get("/api/v1/incidents/inc-api", lead);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body())
                    .doesNotContain(PSEUDONYM)
                    .doesNotContainIgnoringCase("mallory_x")
                    .contains("sig-q", "RT @[erased]");
        }
    }
}
