package org.casetracker.app.crash;

import org.casetracker.app.TrackerApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracker as a process of its own (the test's classpath, a data directory, a free port), so that
 * a test can kill it with SIGKILL as a crash would, and start it again on the same store.
 */
final class TrackerProcess implements AutoCloseable {

    private final Process process;
    final int port;
    final Path log;

    private TrackerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static TrackerProcess start(Path dataDir, List<String> arguments) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                TrackerApplication.class.getName(),
                "--server.port=" + port, "--tracker.data-dir=" + dataDir, "--tracker.seed.enabled=false"));
        command.addAll(arguments);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new TrackerProcess(process, port, log);
    }

    /** Waits until the tracker answers HTTP, or fails after {@code max}. */
    void awaitReady(Duration max) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the tracker exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(url("/api/cases")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the tracker did not answer within " + max + "; see " + log);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. Answers the exit status (128 + 9 = 137 on Linux). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** The process id; Axon's token store names a node's claims {@code pid@host}. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
