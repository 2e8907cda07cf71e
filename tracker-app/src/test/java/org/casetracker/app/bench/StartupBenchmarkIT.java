package org.casetracker.app.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up of the deployed form: the packaged jar as a process of its own, on H2, measured from the moment the
 * process is started to the first answered HTTP request, and its peak resident memory (VmHWM). Four ways to run it,
 * restarted over one store that holds the record, in alternation (plain, flags, CDS, recommended, plain, ...) so a
 * busy machine slows them alike: the plain {@code java -jar} (the baseline), the JIT and GC flags alone, the
 * class-data sharing archive alone, and both together, which is what README recommends (see docs/performance.md).
 * First starts on an empty directory (the record is loaded; the time until its last step answers is reported too)
 * once for the baseline and once the recommended way. Runs after {@code package} (failsafe, {@code -Pbench});
 * writes the {@code startup} section of {@code target/bench/results.json}.
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    /** The last step of the record (seed/parler-v-aws.json): once it answers, the whole record is loaded. */
    private static final String LAST_OF_THE_RECORD = "/api/cases/wawd-2-21-cv-00270/filings/wawd-2-21-cv-00270-dkt-71";
    private static final Duration MAX_START = Duration.ofMinutes(3);
    /**
     * Start-up is mostly class loading and cold code on few cores: C1 only (no C2 compiler threads competing for
     * the two cores) and the serial collector (no parallel GC threads). The same list is in README and in
     * spring-boot:run's jvmArguments (tracker-app/pom.xml).
     */
    static final List<String> FAST_START_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** One start: seconds to the first answer and to the record's answer, peak RSS in MB. */
    record Start(double firstAnswer, double recordAnswered, double peakRssMb) {
    }

    /** One way to run the tracker: the JVM options and the jar, before the application's arguments. */
    record Way(String name, List<String> launch) {
    }

    @Test
    void the_packaged_jar_answers_soon_after_it_is_started() throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/tracker-app-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).exists();
        Path work = Path.of("target", "bench", "startup-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(work);

        Path extracted = work.resolve("extracted");
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString()), work, "extract");
        Path extractedJar = extracted.resolve(jar.getFileName());
        // an archive holds what its training JVM loaded, so each flag set gets its own training run
        Path cdsArchive = train(List.of(), extractedJar, work, "cds");
        Path recommendedArchive = train(FAST_START_FLAGS, extractedJar, work, "recommended");

        Way plain = new Way("plain_jar", List.of("-jar", jar.toString()));
        Way flags = new Way("flags", concat(FAST_START_FLAGS, List.of("-jar", jar.toString())));
        Way cds = new Way("cds", List.of("-XX:SharedArchiveFile=" + cdsArchive, "-jar", extractedJar.toString()));
        Way recommended = new Way("recommended", concat(FAST_START_FLAGS,
                List.of("-XX:SharedArchiveFile=" + recommendedArchive, "-jar", extractedJar.toString())));
        List<Way> ways = List.of(plain, flags, cds, recommended);

        Start plainFirst = start(plain, work.resolve("plain-data"), work);
        Path store = work.resolve("data");
        Start recommendedFirst = start(recommended, store, work);
        Map<Way, List<Start>> restarts = new LinkedHashMap<>();
        for (int round = 0; round < BenchResults.scaled(3, 1); round++) {
            for (Way way : ways) {
                restarts.computeIfAbsent(way, w -> new ArrayList<>()).add(start(way, store, work));
            }
        }

        double plainRestart = median(restarts.get(plain));
        double recommendedRestart = median(restarts.get(recommended));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds_to_first_answer", BenchResults.round(recommendedRestart, 2));
        figures.put("peak_rss_mb", BenchResults.round(restarts.get(recommended).stream()
                .mapToDouble(Start::peakRssMb).max().orElse(-1), 1));
        figures.put("ratio_recommended_to_plain_restart", BenchResults.round(recommendedRestart / plainRestart, 3));
        figures.put("recommended_flags", String.join(" ", FAST_START_FLAGS) + " -XX:SharedArchiveFile=<archive>");
        figures.put("rounds", restarts.get(plain).size());
        Map<String, Object> restartFigures = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("\nStart-up of " + jar.getFileName()
                + " (seconds from process start to the first answer; medians of restarts in alternation)\n");
        for (Way way : ways) {
            double median = median(restarts.get(way));
            Map<String, Object> wayFigures = new LinkedHashMap<>();
            wayFigures.put("median_seconds_to_first_answer", BenchResults.round(median, 2));
            wayFigures.put("ratio_to_plain", BenchResults.round(median / plainRestart, 3));
            wayFigures.put("samples", restarts.get(way).stream().map(s -> BenchResults.round(s.firstAnswer(), 2))
                    .toList());
            wayFigures.put("peak_rss_mb", BenchResults.round(restarts.get(way).stream()
                    .mapToDouble(Start::peakRssMb).max().orElse(-1), 1));
            restartFigures.put(way.name(), wayFigures);
            table.append(BenchResults.row("restart, " + way.name(), median,
                    String.format("x%.2f of plain%s", median / plainRestart,
                            way == recommended ? "; target <= 5 s" : "")));
        }
        figures.put("restart", restartFigures);
        figures.put("first_start", Map.of("plain_jar", asMap(plainFirst), "recommended", asMap(recommendedFirst)));
        BenchResults.put("startup", figures);
        System.out.println(table
                + BenchResults.row("plain jar, first start: record answered", plainFirst.recordAnswered(), "")
                + BenchResults.row("recommended, first start: record answered", recommendedFirst.recordAnswered(), "")
                + BenchResults.row("peak RSS (recommended)", (double) figures.get("peak_rss_mb"), "MB, VmHWM")
                + "load average " + BenchResults.loadAverage());
        System.out.println(BenchSummary.table());
    }

    /** The training run: start the context, then exit; the JVM writes the classes it loaded to the archive. */
    private static Path train(List<String> flags, Path extractedJar, Path work, String name) throws Exception {
        Path archive = work.resolve(name + ".jsa");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(flags);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                extractedJar.toString(), "--server.port=0", "--tracker.data-dir=" + work.resolve("training-" + name)));
        run(command, work, "training-" + name);
        assertThat(archive).exists();
        return archive;
    }

    private static double median(List<Start> starts) {
        double[] sorted = starts.stream().mapToDouble(Start::firstAnswer).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Map<String, Double> asMap(Start start) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("seconds_to_first_answer", BenchResults.round(start.firstAnswer(), 2));
        map.put("seconds_to_record_answered", BenchResults.round(start.recordAnswered(), 2));
        map.put("peak_rss_mb", BenchResults.round(start.peakRssMb(), 1));
        return map;
    }

    /** Starts the app, waits for its first answer and for the record, reads VmHWM, stops it. */
    private static Start start(Way way, Path dataDir, Path work) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(way.launch());
        command.addAll(List.of("--server.port=" + port, "--tracker.data-dir=" + dataDir));
        Path log = work.resolve("start-" + way.name() + "-" + port + ".log");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            double firstAnswer = awaitAnswer(client, process, "http://localhost:" + port + "/api/cases", started, log);
            String lastOfTheRecord = "http://localhost:" + port + LAST_OF_THE_RECORD;
            double recordAnswered = awaitAnswer(client, process, lastOfTheRecord, started, log);
            return new Start(firstAnswer, recordAnswered, peakRssMb(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Seconds from {@code started} to the first 200 answer of {@code url}. */
    private static double awaitAnswer(HttpClient client, Process process, String url, long started, Path log)
            throws InterruptedException {
        long deadline = started + MAX_START.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the app is running; see " + log).isTrue();
            try {
                HttpResponse<Void> answer = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no answer from " + url + " within " + MAX_START + "; see " + log);
    }

    /** The process's peak resident set size (VmHWM in /proc/pid/status), in MB; -1 where /proc is missing. */
    private static double peakRssMb(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }

    private static void run(List<String> command, Path work, String name) throws Exception {
        Path log = work.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(MAX_START.toSeconds(), TimeUnit.SECONDS)).as(name + "; see " + log).isTrue();
        assertThat(process.exitValue()).as(name + " exit code; see " + log).isZero();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
