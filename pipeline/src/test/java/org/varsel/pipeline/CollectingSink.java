package org.varsel.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that keeps what it is given in this JVM (a MiniCluster runs in the test's JVM), in flink-training's
 * {@code TestSink} manner: Flink serialises the sink, so the elements live in a registry under the sink's id.
 */
public final class CollectingSink<T> implements Sink<T> {
    private static final Map<String, Queue<Object>> COLLECTED = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectingSink() {
        COLLECTED.put(id, new ConcurrentLinkedQueue<>());
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        Queue<Object> collected = COLLECTED.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context writeContext) {
                collected.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }

    /** What the sink was given, in arrival order per writer; the sink forgets it. */
    @SuppressWarnings("unchecked")
    public List<T> drain() {
        List<T> elements = new ArrayList<>();
        COLLECTED.remove(id).forEach(element -> elements.add((T) element));
        return elements;
    }
}
