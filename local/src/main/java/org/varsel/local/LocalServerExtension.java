package org.varsel.local;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What the JUnit 5 extensions of the local servers share: one server shared by every test class in the JVM, or a
 * dedicated one of the test class's own, closed after its tests, that a test may stop (it is started again before the
 * next test). The server is injected into parameters of its type, or read from the extension after {@code @BeforeAll}.
 */
abstract class LocalServerExtension<S extends LocalServer>
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private final ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(getClass());
    private final Class<S> type;
    private final boolean dedicated;
    private final Supplier<S> starter;
    private volatile S server;

    LocalServerExtension(Class<S> type, boolean dedicated, Supplier<S> starter) {
        this.type = type;
        this.dedicated = dedicated;
        this.starter = starter;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = server(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (dedicated) {
            server(context).start();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The server, once the extension has run for the test class. */
    final S server() {
        return ready(server);
    }

    final S server(ExtensionContext context) {
        // Stores look up enclosing contexts too: a test method finds the server its class context started.
        ExtensionContext.Store store =
                dedicated ? context.getStore(namespace) : context.getRoot().getStore(namespace);
        return StoredService.getOrStart(store, dedicated ? "dedicated-server" : "shared-server", starter);
    }

    /** This extension's store in the context: what it keeps there is closed when the context ends. */
    final ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(namespace);
    }

    static <T> T ready(T value) {
        if (value == null) {
            throw new IllegalStateException("not started yet: register the extension with @RegisterExtension static "
                    + "and call it from @BeforeAll or later");
        }
        return value;
    }
}
