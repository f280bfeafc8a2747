package org.varsel.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a real Kafka broker: one shared by every test class in the JVM, or with
 * {@link #dedicated()} one of the test class's own that it may stop, kill and restart.
 *
 * <p>Inject {@link LocalKafka} into test, lifecycle or constructor parameters, or register the extension with
 * {@code @RegisterExtension static} and call {@link #kafka()}. A dedicated broker that a test left stopped is
 * started again before the next test.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);
    private static final String SHARED = "shared-broker";
    private static final String DEDICATED = "dedicated-broker";

    private final boolean dedicated;
    private volatile LocalKafka kafka;

    /** The shared broker; this is what {@code @ExtendWith(KafkaBrokerExtension.class)} uses. */
    public KafkaBrokerExtension() {
        this(false);
    }

    private KafkaBrokerExtension(boolean dedicated) {
        this.dedicated = dedicated;
    }

    /** A broker for one test class only, closed after its tests; for tests that stop, kill or restart it. */
    public static KafkaBrokerExtension dedicated() {
        return new KafkaBrokerExtension(true);
    }

    /** The broker, once the extension has run for the test class. */
    public LocalKafka kafka() {
        LocalKafka current = kafka;
        if (current == null) {
            throw new IllegalStateException("no broker yet: register the extension with @RegisterExtension static "
                    + "and call kafka() from @BeforeAll or later");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = broker(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (dedicated) {
            broker(context).start();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    private LocalKafka broker(ExtensionContext context) {
        // Stores look up enclosing contexts too: a test method finds the broker its class context started.
        ExtensionContext.Store store =
                dedicated ? context.getStore(NAMESPACE) : context.getRoot().getStore(NAMESPACE);
        return StoredService.getOrStart(
                store,
                dedicated ? DEDICATED : SHARED,
                () -> LocalKafka.builder().start());
    }
}
