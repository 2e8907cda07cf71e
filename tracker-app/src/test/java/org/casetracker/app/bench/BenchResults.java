package org.casetracker.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * {@code target/bench/results.json}: every benchmark of a run adds its section ({@code append}, {@code replay},
 * {@code asof}, {@code startup}) to it, with the load average and the time it was measured at, so one file holds the
 * figures of the whole run however the benchmarks are split among JVMs (surefire, failsafe).
 */
final class BenchResults {

    static final Path FILE = Path.of("target", "bench", "results.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchResults() {
    }

    static boolean small() {
        return "small".equals(System.getProperty("bench.scale"));
    }

    /** {@code full} in a full run, {@code small} in a quick one. */
    static int scaled(int full, int small) {
        return small() ? small : full;
    }

    static synchronized void put(String section, Map<String, ?> figures) {
        try {
            Files.createDirectories(FILE.getParent());
            ObjectNode root = Files.exists(FILE) ? (ObjectNode) JSON.readTree(FILE.toFile()) : JSON.createObjectNode();
            ObjectNode node = JSON.valueToTree(figures);
            node.put("load_average", loadAverage());
            node.put("cores", Runtime.getRuntime().availableProcessors());
            node.put("scale", small() ? "small" : "full");
            node.put("measured_at", Instant.now().toString());
            root.set(section, node);
            JSON.writeValue(FILE.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double loadAverage() {
        return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static String row(String key, double value, String note) {
        return String.format(Locale.ROOT, "%-38s %14.2f   %s%n", key, value, note);
    }

    static double perSecond(long count, long nanos) {
        return round(count / (nanos / 1e9), 1);
    }
}
