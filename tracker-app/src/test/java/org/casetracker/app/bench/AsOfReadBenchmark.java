package org.casetracker.app.bench;

import org.casetracker.app.TrackerApplication;
import org.casetracker.app.casefile.CaseFiles;
import org.casetracker.app.infrastructure.ProjectionCatchUp;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.casefile.CaseFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As-of reads of one case of 100, 1,000 and 10,000 events: p50 and p99, first with nothing else in the
 * store (the baseline), then with 100,000 events of other cases added. Prints a table and writes
 * {@code target/bench/asof.json}. A benchmark, not a test of speed: it asserts only that reads answer.
 * Run: {@code ./mvnw -pl tracker-app -am verify -Pbench} ({@code -Dbench.scale=small} for a quick run).
 */
@Tag("benchmark")
class AsOfReadBenchmark {

    private static final int[] SIZES = {100, 1_000, 10_000};
    private static final int BATCH = 500;

    @Test
    void as_of_reads_touch_only_the_case_asked_about() throws IOException {
        boolean small = "small".equals(System.getProperty("bench.scale"));
        int otherEvents = small ? 10_000 : 100_000;
        int reads = small ? 200 : 1_000;
        Path dataDir = Path.of("target", "bench", "data-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TrackerApplication.class)
                .run("--server.port=0", "--tracker.seed.enabled=false", "--tracker.data-dir=" + dataDir,
                        "--logging.level.root=WARN")) {
            DocketWriter writer = app.getBean(DocketWriter.class);
            CaseFiles caseFiles = app.getBean(CaseFiles.class);
            ProjectionCatchUp catchUp = app.getBean(ProjectionCatchUp.class);

            for (int size : SIZES) {
                record(writer, "bench", size, size);
            }
            catchUp.awaitCaughtUp(Duration.ofMinutes(10));
            Map<Integer, double[]> alone = measure(caseFiles, reads);

            long started = System.nanoTime();
            int otherCases = otherEvents / 500;
            for (int n = 0; n < otherCases; n++) {
                record(writer, "other", n, 500);
            }
            catchUp.awaitCaughtUp(Duration.ofMinutes(30));
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            Map<Integer, double[]> crowded = measure(caseFiles, reads);

            report(alone, crowded, otherEvents, reads, loadSeconds);
        }
    }

    private static void record(DocketWriter writer, String court, int number, int events) {
        for (List<Object> batch : SyntheticDocket.commands(court, number, events, BATCH)) {
            writer.write(() -> {
                writer.sendAll(batch);
                return null;
            });
        }
    }

    /**
     * p50 and p99 in ms of as-of reads at random legal dates, half of them also at an earlier knownAt:
     * wall-clock time, and the CPU time of the reading thread (which a busy neighbour does not inflate).
     */
    private static Map<Integer, double[]> measure(CaseFiles caseFiles, int reads) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Integer, double[]> result = new LinkedHashMap<>();
        Random random = new Random(42);
        for (int size : SIZES) {
            String caseId = SyntheticDocket.caseId("bench", size);
            long span = SyntheticDocket.lastDay(size).toEpochDay() - SyntheticDocket.FIRST_DAY.toEpochDay() + 1;
            for (int warmup = 0; warmup < 300; warmup++) { // let the JIT compile the fold first
                LocalDate asOf = SyntheticDocket.FIRST_DAY.plusDays(random.nextInt((int) span));
                caseFiles.asOf(caseId, asOf, warmup % 2 == 0 ? null : Instant.now(), false);
            }
            long[] nanos = new long[reads];
            long[] cpu = new long[reads];
            for (int i = 0; i < reads; i++) {
                LocalDate asOf = SyntheticDocket.FIRST_DAY.plusDays(random.nextInt((int) span));
                Instant knownAt = i % 2 == 0 ? null : Instant.now().minusMillis(random.nextInt(5_000));
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                CaseFile file = caseFiles.asOf(caseId, asOf, knownAt, false).orElseThrow();
                nanos[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                assertThat(file.id().value()).isEqualTo(caseId);
            }
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            int p99 = (int) Math.ceil(reads * 0.99) - 1;
            result.put(size, new double[]{nanos[reads / 2] / 1e6, nanos[p99] / 1e6, cpu[reads / 2] / 1e6,
                    cpu[p99] / 1e6});
        }
        return result;
    }

    private static void report(Map<Integer, double[]> alone, Map<Integer, double[]> crowded, int otherEvents,
                               int reads, double loadSeconds) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nAs-of reads, %d reads per size (ms)%n", reads));
        String crowd = "+" + otherEvents / 1000 + "k";
        table.append(String.format(Locale.ROOT, "%-8s %10s %10s %10s %10s %10s %10s%n", "events", "p50 alone",
                "p99 alone", "p50 " + crowd, "p99 " + crowd, "cpu p99", "p99 ratio"));
        List<String> json = new ArrayList<>();
        for (int size : SIZES) {
            double[] a = alone.get(size);
            double[] c = crowded.get(size);
            table.append(String.format(Locale.ROOT, "%-8d %10.3f %10.3f %10.3f %10.3f %10.3f %10.2f%n", size, a[0],
                    a[1], c[0], c[1], c[3], c[1] / a[1]));
            json.add(String.format(Locale.ROOT, "\"%d\": {\"p50_ms_alone\": %.3f, \"p99_ms_alone\": %.3f, "
                            + "\"p50_ms\": %.3f, \"p99_ms\": %.3f, \"cpu_p50_ms\": %.3f, \"cpu_p99_ms\": %.3f}",
                    size, a[0], a[1], c[0], c[1], c[2], c[3]));
        }
        table.append(String.format(Locale.ROOT, "%d other events recorded and projected in %.1f s; load average %.2f"
                + " on %d cores%n", otherEvents, loadSeconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        System.out.println(table);
        Path out = Path.of("target", "bench", "asof.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "{\"other_events\": " + otherEvents + ", \"reads\": " + reads + ", \"asof\": {"
                + String.join(", ", json) + "}}\n");
    }
}
