package org.varsel.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two classes on the shared server each claim the same table: they can only both pass in separate databases. */
@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {

    @Nested
    class FirstTestClass {
        @Test
        void eachTestClassGetsItsOwnDatabase(PostgresDatabase database) throws SQLException {
            startsEmptyAndClaimsTheTable(database);
        }
    }

    @Nested
    class SecondTestClass {
        @Test
        void eachTestClassGetsItsOwnDatabase(PostgresDatabase database) throws SQLException {
            startsEmptyAndClaimsTheTable(database);
        }
    }

    @Test
    void theClassDatabaseIsNamedAfterTheTestClass(PostgresDatabase database, LocalPostgres server) {
        assertThat(database.jdbcUrl())
                .startsWith("jdbc:postgresql://localhost:" + server.port() + "/t_postgresextensiontest_");
        assertThat(database).isEqualTo(server.database(database.name()));
    }

    private static void startsEmptyAndClaimsTheTable(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("tables in " + database.name()).isZero();
            }
            statement.execute("CREATE TABLE claimed (id int)");
        }
    }
}
