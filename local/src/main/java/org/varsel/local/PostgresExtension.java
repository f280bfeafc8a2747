package org.varsel.local;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test class a fresh database on a real PostgreSQL server: one server shared
 * by every test class in the JVM, or with {@link #dedicated()} one of the class's own that it may stop and start.
 *
 * <p>Inject {@link PostgresDatabase} (the class's database) or {@link LocalPostgres} (the server) into test,
 * lifecycle or constructor parameters, or register the extension with {@code @RegisterExtension static} and call
 * {@link #database()} and {@link #postgres()}. A dedicated server that a test left stopped is started again before
 * the next test.
 */
public final class PostgresExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String SHARED = "shared-server";
    private static final String DEDICATED = "dedicated-server";
    private static final String DATABASE = "class-database";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final boolean dedicated;
    private volatile LocalPostgres postgres;
    private volatile PostgresDatabase database;

    /** The shared server; this is what {@code @ExtendWith(PostgresExtension.class)} uses. */
    public PostgresExtension() {
        this(false);
    }

    private PostgresExtension(boolean dedicated) {
        this.dedicated = dedicated;
    }

    /** A server for one test class only, closed after its tests; for tests that stop and start it. */
    public static PostgresExtension dedicated() {
        return new PostgresExtension(true);
    }

    /** The server, once the extension has run for the test class. */
    public LocalPostgres postgres() {
        return ready(postgres);
    }

    /** The test class's own database, once the extension has run for the test class. */
    public PostgresDatabase database() {
        return ready(database);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        postgres = server(context);
        database = classDatabase(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (dedicated) {
            server(context).start();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresDatabase.class || type == LocalPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPostgres.class ? server(context) : classDatabase(context);
    }

    private LocalPostgres server(ExtensionContext context) {
        // Stores look up enclosing contexts too: a test method finds the server its class context started.
        ExtensionContext.Store store =
                dedicated ? context.getStore(NAMESPACE) : context.getRoot().getStore(NAMESPACE);
        return StoredService.getOrStart(
                store,
                dedicated ? DEDICATED : SHARED,
                () -> LocalPostgres.builder().start());
    }

    private PostgresDatabase classDatabase(ExtensionContext context) {
        LocalPostgres server = server(context);
        // Keyed by class: a @Nested class must not find its enclosing class's database in the parent store.
        String key = DATABASE + ":" + context.getRequiredTestClass().getName();
        return context.getStore(NAMESPACE)
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

    private static <T> T ready(T value) {
        if (value == null) {
            throw new IllegalStateException("not started yet: register the extension with @RegisterExtension static "
                    + "and call it from @BeforeAll or later");
        }
        return value;
    }
}
