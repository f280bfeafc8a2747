package org.varsel.local;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A local service kept in a JUnit store, which closes it when the store's context ends. */
record StoredService<T extends AutoCloseable>(T service) implements ExtensionContext.Store.CloseableResource {

    /** The service under the key in this store or an enclosing one, started and stored here if there is none. */
    @SuppressWarnings("unchecked")
    static <T extends AutoCloseable> T getOrStart(ExtensionContext.Store store, String key, Supplier<T> starter) {
        return (T) store.getOrComputeIfAbsent(key, ignored -> new StoredService<>(starter.get()), StoredService.class)
                .service();
    }

    @Override
    public void close() throws Exception {
        service.close();
    }
}
