package org.varsel.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalPostgresTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.dedicated();

    @Test
    void postgresKeepsDataAcrossStopAndStart() throws SQLException {
        PostgresDatabase database = POSTGRES.database();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE verdict (id int PRIMARY KEY, label text)");
            statement.execute("INSERT INTO verdict VALUES (1, 'incited violence')");
        }
        LocalPostgres server = POSTGRES.postgres();
        int port = server.port();

        server.stop();
        assertThat(server.isRunning()).isFalse();
        server.start();

        assertThat(server.port()).isEqualTo(port);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT label FROM verdict WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("incited violence");
        }
    }

    @Test
    void aStoppedServerRefusesConnections() {
        PostgresDatabase database = POSTGRES.database();
        POSTGRES.postgres().stop();

        assertThatThrownBy(database::connect).isInstanceOf(SQLException.class);
    }

    @Test
    void createDatabaseIsIdempotentAndGivesAUsableDatabase(LocalPostgres server) throws SQLException {
        server.createDatabase("demo_desk");
        PostgresDatabase database = server.createDatabase("demo_desk");

        assertThat(database.jdbcUrl()).endsWith("/demo_desk");
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("demo_desk");
        }
    }
}
