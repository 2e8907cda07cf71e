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
 * Start-up of the deployed form: the packaged jar as a process of its own ({@code java -jar}), on H2, measured from
 * the moment the process is started to the first answered HTTP request, and its peak resident memory (VmHWM).
 * Twice each: a first start on an empty directory, which loads the record (the time to an answer that shows the
 * record is reported too), and a restart over that store. Once as the plain jar, once extracted with a class-data
 * sharing archive from a training run (what README recommends; see docs/performance.md). Runs after
 * {@code package} (failsafe, {@code -Pbench}); writes the {@code startup} section of {@code target/bench/results.json}.
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    /** The last step of the record (seed/parler-v-aws.json): once it answers, the whole record is loaded. */
    private static final String LAST_OF_THE_RECORD = "/api/cases/wawd-2-21-cv-00270/filings/wawd-2-21-cv-00270-dkt-71";
    private static final Duration MAX_START = Duration.ofMinutes(3);

    /** One start: seconds to the first answer and to the record's answer, peak RSS in MB. */
    record Start(double firstAnswer, double recordAnswered, double peakRssMb) {
    }

    @Test
    void the_packaged_jar_answers_soon_after_it_is_started() throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/tracker-app-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).exists();
        Path work = Path.of("target", "bench", "startup-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(work);

        Path plainData = work.resolve("plain-data");
        Start plainFirst = start(List.of("-jar", jar.toString()), plainData, work);
        Start plainRestart = start(List.of("-jar", jar.toString()), plainData, work);

        Path extracted = work.resolve("extracted");
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString()), work, "extract");
        Path extractedJar = extracted.resolve(jar.getFileName());
        Path archive = work.resolve("tracker.jsa");
        // the training run: start the context, then exit; the JVM writes the classes it loaded to the archive
        run(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                extractedJar.toString(), "--server.port=0", "--tracker.data-dir=" + work.resolve("training-data")),
                work, "training");
        assertThat(archive).exists();
        Path cdsData = work.resolve("cds-data");
        List<String> cds = List.of("-XX:SharedArchiveFile=" + archive, "-jar", extractedJar.toString());
        Start cdsFirst = start(cds, cdsData, work);
        Start cdsRestart = start(cds, cdsData, work);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds_to_first_answer", BenchResults.round(cdsRestart.firstAnswer(), 2));
        figures.put("peak_rss_mb", BenchResults.round(Math.max(cdsFirst.peakRssMb(), cdsRestart.peakRssMb()), 1));
        figures.put("cds", Map.of("first_start", asMap(cdsFirst), "restart", asMap(cdsRestart)));
        figures.put("plain_jar", Map.of("first_start", asMap(plainFirst), "restart", asMap(plainRestart)));
        figures.put("ratio_cds_to_plain_restart",
                BenchResults.round(cdsRestart.firstAnswer() / plainRestart.firstAnswer(), 3));
        BenchResults.put("startup", figures);
        System.out.println("\nStart-up of " + jar.getFileName() + " (seconds from process start; MB peak RSS)\n"
                + BenchResults.row("plain jar, first start: first answer", plainFirst.firstAnswer(), "")
                + BenchResults.row("plain jar, first start: record answered", plainFirst.recordAnswered(), "")
                + BenchResults.row("plain jar, restart: first answer", plainRestart.firstAnswer(), "")
                + BenchResults.row("CDS, first start: first answer", cdsFirst.firstAnswer(), "")
                + BenchResults.row("CDS, first start: record answered", cdsFirst.recordAnswered(), "")
                + BenchResults.row("CDS, restart: first answer", cdsRestart.firstAnswer(), "target <= 5 s")
                + BenchResults.row("peak RSS (CDS)", (double) figures.get("peak_rss_mb"), "MB, VmHWM")
                + "load average " + BenchResults.loadAverage());
        System.out.println(BenchSummary.table());
    }

    private static Map<String, Double> asMap(Start start) {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("seconds_to_first_answer", BenchResults.round(start.firstAnswer(), 2));
        map.put("seconds_to_record_answered", BenchResults.round(start.recordAnswered(), 2));
        map.put("peak_rss_mb", BenchResults.round(start.peakRssMb(), 1));
        return map;
    }

    /** Starts the app, waits for its first answer and for the record, reads VmHWM, stops it. */
    private static Start start(List<String> launch, Path dataDir, Path work) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(launch);
        command.addAll(List.of("--server.port=" + port, "--tracker.data-dir=" + dataDir));
        Path log = work.resolve("start-" + port + ".log");
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
