package org.casetracker.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/** The whole run's table, read back from {@code target/bench/results.json}, each figure against its target. */
final class BenchSummary {

    private BenchSummary() {
    }

    static String table() throws IOException {
        if (!Files.exists(BenchResults.FILE)) {
            return "";
        }
        JsonNode root = new ObjectMapper().readTree(BenchResults.FILE.toFile());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nBenchmark summary (%s)%n%-38s %14s   %s%n", BenchResults.FILE, "key", "value", "target"));
        line(out, root, "append", "events_per_s", "");
        line(out, root, "append", "rest_filings_per_s", "");
        line(out, root, "append", "limit_rows_per_s", "");
        line(out, root, "append", "ratio_to_limit", ">= 0.5");
        line(out, root, "replay", "events_per_s", "");
        line(out, root, "replay", "limit_events_per_s", "");
        line(out, root, "replay", "ratio_to_limit", ">= 0.5");
        line(out, root, "replay", "axon_defaults_events_per_s", "");
        line(out, root, "replay", "ratio_to_axon_defaults", ">= 10");
        for (String size : new String[]{"100", "1000", "10000"}) {
            line(out, root, "asof", "p50_ms." + size, "");
            line(out, root, "asof", "p99_ms." + size, "10000".equals(size) ? "<= 5 ms" : "");
        }
        line(out, root, "startup", "seconds_to_first_answer", "<= 5 s");
        line(out, root, "startup", "peak_rss_mb", "");
        root.fields().forEachRemaining(section -> out.append(String.format(Locale.ROOT,
                "%s: load average %s on %s cores, %s scale, at %s%n", section.getKey(),
                section.getValue().path("load_average").asText(), section.getValue().path("cores").asText(),
                section.getValue().path("scale").asText(), section.getValue().path("measured_at").asText())));
        return out.toString();
    }

    private static void line(StringBuilder out, JsonNode root, String section, String path, String target) {
        JsonNode node = root.path(section);
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        if (node.isNumber()) {
            out.append(BenchResults.row(section + "." + path, node.asDouble(), target));
        }
    }
}
