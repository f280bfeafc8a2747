package org.varsel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.varsel.local.FlinkRest;

/**
 * Where a finished job's time went: for one job vertex (a chain of operators, one task per subtask), each subtask's
 * accumulated busy time and the TaskManager it ran on, as Flink's REST API reports them after the job ended. A
 * subtask busy for most of the job's wall time is where the job stops scaling.
 */
record VertexBusyTime(String name, List<Subtask> subtasks) {

    /** One parallel instance of the vertex: its index, its TaskManager, and the milliseconds it was busy. */
    record Subtask(int index, String taskManager, double busyMs) {}

    /** Every vertex of the finished job {@code jobId}, in the job graph's order. */
    static List<VertexBusyTime> of(FlinkRest rest, String jobId) {
        List<VertexBusyTime> vertices = new ArrayList<>();
        for (JsonNode vertex : rest.get("/jobs/" + jobId).path("vertices")) {
            List<Subtask> subtasks = new ArrayList<>();
            for (JsonNode subtask : rest.get(
                            "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText())
                    .path("subtasks")) {
                subtasks.add(new Subtask(
                        subtask.path("subtask").asInt(),
                        subtask.path("taskmanager-id").asText("?"),
                        subtask.path("metrics").path("accumulated-busy-time").asDouble(0)));
            }
            vertices.add(new VertexBusyTime(vertex.path("name").asText(), subtasks));
        }
        return vertices;
    }

    /**
     * This vertex's busy time beyond that of the same vertex in a job over no input ({@code startup}: task deployment,
     * operators' open, the final checkpoint, and a source's wait for its first fetch all count as busy), subtask by
     * subtask; never below zero.
     */
    VertexBusyTime minus(VertexBusyTime startup) {
        List<Subtask> beyond = new ArrayList<>();
        for (Subtask subtask : subtasks) {
            double before = startup.subtasks().stream()
                    .filter(s -> s.index() == subtask.index())
                    .mapToDouble(Subtask::busyMs)
                    .findFirst()
                    .orElse(0);
            beyond.add(new Subtask(subtask.index(), subtask.taskManager(), Math.max(0, subtask.busyMs() - before)));
        }
        return new VertexBusyTime(name, beyond);
    }

    /** The busiest subtask's busy time: the vertex's share of the critical path. */
    double maxBusyMs() {
        return subtasks.stream().mapToDouble(Subtask::busyMs).max().orElse(0);
    }

    double totalBusyMs() {
        return subtasks.stream().mapToDouble(Subtask::busyMs).sum();
    }

    /**
     * How unevenly the work is spread: the busiest subtask over the mean (1 = even; the parallelism when one subtask
     * does everything, as with a one-key operator).
     */
    double skew() {
        double mean = totalBusyMs() / Math.max(1, subtasks.size());
        return mean <= 0 ? 1 : maxBusyMs() / mean;
    }
}
