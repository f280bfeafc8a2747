package org.varsel.local;

/**
 * JUnit 5 extension that gives tests a real Kafka broker: one shared by every test class in the JVM, or with
 * {@link #dedicated()} one of the test class's own that it may stop, kill and restart.
 *
 * <p>Inject {@link LocalKafka} into test, lifecycle or constructor parameters, or register the extension with
 * {@code @RegisterExtension static} and call {@link #kafka()}. A dedicated broker that a test left stopped is
 * started again before the next test.
 */
public final class KafkaBrokerExtension extends LocalServerExtension<LocalKafka> {

    /** The shared broker; this is what {@code @ExtendWith(KafkaBrokerExtension.class)} uses. */
    public KafkaBrokerExtension() {
        this(false);
    }

    private KafkaBrokerExtension(boolean dedicated) {
        super(LocalKafka.class, dedicated, () -> LocalKafka.builder().start());
    }

    /** A broker for one test class only, closed after its tests; for tests that stop, kill or restart it. */
    public static KafkaBrokerExtension dedicated() {
        return new KafkaBrokerExtension(true);
    }

    /** The broker, once the extension has run for the test class. */
    public LocalKafka kafka() {
        return server();
    }
}
