package org.varsel.local;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * JUnit 5 extension that gives each test class a fresh database on a real PostgreSQL server: one server shared
 * by every test class in the JVM, or with {@link #dedicated()} one of the class's own that it may stop and start.
 *
 * <p>Inject {@link PostgresDatabase} (the class's database) or {@link LocalPostgres} (the server) into test,
 * lifecycle or constructor parameters, or register the extension with {@code @RegisterExtension static} and call
 * {@link #database()} and {@link #postgres()}. A dedicated server that a test left stopped is started again before
 * the next test.
 */
public final class PostgresExtension extends LocalServerExtension<LocalPostgres> {
    private static final String DATABASE = "class-database";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private volatile PostgresDatabase database;

    /** The shared server; this is what {@code @ExtendWith(PostgresExtension.class)} uses. */
    public PostgresExtension() {
        this(false);
    }

    private PostgresExtension(boolean dedicated) {
        super(LocalPostgres.class, dedicated, () -> LocalPostgres.builder().start());
    }

    /** A server for one test class only, closed after its tests; for tests that stop and start it. */
    public static PostgresExtension dedicated() {
        return new PostgresExtension(true);
    }

    /** The server, once the extension has run for the test class. */
    public LocalPostgres postgres() {
        return server();
    }

    /** The test class's own database, once the extension has run for the test class. */
    public PostgresDatabase database() {
        return ready(database);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        super.beforeAll(context);
        database = classDatabase(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class
                || super.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresDatabase.class
                ? classDatabase(context)
                : super.resolveParameter(parameter, context);
    }

    private PostgresDatabase classDatabase(ExtensionContext context) {
        LocalPostgres server = server(context);
        // Keyed by class: a @Nested class must not find its enclosing class's database in the parent store.
        String key = DATABASE + ":" + context.getRequiredTestClass().getName();
        return store(context)
                .getOrComputeIfAbsent(
                        key, ignored -> server.createDatabase(databaseName(context)), PostgresDatabase.class);
    }

    /** Readable in psql and unique in the JVM: the test class's name plus a counter. */
    private static String databaseName(ExtensionContext context) {
        String className = context.getTestClass()
                .map(Class::getSimpleName)
                .orElse("test")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        String suffix = "_" + DATABASES.incrementAndGet();
        return "t_" + className.substring(0, Math.min(className.length(), 60 - suffix.length())) + suffix;
    }
}
