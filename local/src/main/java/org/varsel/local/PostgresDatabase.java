package org.varsel.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One database on a local PostgreSQL server, with what a client needs to connect to it. */
public record PostgresDatabase(String name, String jdbcUrl, String user, String password) {

    /** Opens a new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        return "PostgresDatabase[" + jdbcUrl + ", user=" + user + "]";
    }
}
