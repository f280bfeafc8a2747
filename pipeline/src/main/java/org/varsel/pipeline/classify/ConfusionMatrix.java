package org.varsel.pipeline.classify;

import java.util.List;
import java.util.Locale;

/** Counts of gold versus predicted labels, with per-label precision, recall and F1, and macro-F1. */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[][] counts;

    public ConfusionMatrix(List<String> labels) {
        this.labels = List.copyOf(labels);
        this.counts = new long[labels.size()][labels.size()];
    }

    public void add(String gold, String predicted) {
        counts[indexOf(gold)][indexOf(predicted)]++;
    }

    public List<String> labels() {
        return labels;
    }

    public long count(String gold, String predicted) {
        return counts[indexOf(gold)][indexOf(predicted)];
    }

    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }

    public long support(String label) {
        long s = 0;
        for (long c : counts[indexOf(label)]) {
            s += c;
        }
        return s;
    }

    public double precision(String label) {
        int k = indexOf(label);
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[k];
        }
        return predicted == 0 ? 0.0 : (double) counts[k][k] / predicted;
    }

    public double recall(String label) {
        long support = support(label);
        return support == 0 ? 0.0 : (double) counts[indexOf(label)][indexOf(label)] / support;
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of the labels' F1. */
    public double macroF1() {
        double sum = 0;
        for (String label : labels) {
            sum += f1(label);
        }
        return sum / labels.size();
    }

    public double accuracy() {
        long correct = 0;
        for (int k = 0; k < labels.size(); k++) {
            correct += counts[k][k];
        }
        long total = total();
        return total == 0 ? 0.0 : (double) correct / total;
    }

    /** Per-label metrics and the matrix as Markdown tables (rows gold, columns predicted). */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| label | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|\n");
        for (String label : labels) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.3f | %.3f | %d |%n",
                    label,
                    precision(label),
                    recall(label),
                    f1(label),
                    support(label)));
        }
        out.append(String.format(Locale.ROOT, "| **macro** | | | **%.3f** | %d |%n%n", macroF1(), total()));
        out.append("| gold \\ predicted |");
        for (String label : labels) {
            out.append(' ').append(label).append(" |");
        }
        out.append("\n|---|");
        out.append("---:|".repeat(labels.size())).append('\n');
        for (int g = 0; g < labels.size(); g++) {
            out.append("| ").append(labels.get(g)).append(" |");
            for (int p = 0; p < labels.size(); p++) {
                out.append(' ').append(counts[g][p]).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private int indexOf(String label) {
        int k = labels.indexOf(label);
        if (k < 0) {
            throw new IllegalArgumentException("unknown label " + label + ", expected one of " + labels);
        }
        return k;
    }
}
