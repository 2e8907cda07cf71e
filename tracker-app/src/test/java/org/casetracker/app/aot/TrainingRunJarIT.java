package org.casetracker.app.aot;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Faster start-up" as written: extract the packaged jar, let a training run with
 * {@code --tracker.training-run=true} load the record, answer its first request and exit by itself, writing the
 * class-data sharing archive; then a restart over that store maps the archive ({@code -Xshare:on} refuses to start
 * otherwise) and answers. Runs after {@code package} (failsafe).
 */
class TrainingRunJarIT {

    private static final Duration MAX_RUN = Duration.ofMinutes(3);
    private static final List<String> RECOMMENDED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Dspring.aot.enabled=true");

    @Test
    void theTrainingRunAnswersExitsAndWritesAnArchiveARestartUses() throws Exception {
        Path jar = Path.of(System.getProperty("tracker.jar", "target/tracker-app-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        Path work = Files.createTempDirectory("training-run");
        Path extracted = work.resolve("tracker");
        assertThat(run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString()), work.resolve("extract.log")).waitFor(MAX_RUN.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
        Path extractedJar = extracted.resolve(jar.getFileName());
        Path archive = extracted.resolve("tracker.jsa");
        Path data = work.resolve("data");

        Path trainingLog = work.resolve("training.log");
        Process training = run(command(List.of("-XX:ArchiveClassesAtExit=" + archive), extractedJar, data,
                "--tracker.training-run=true"), trainingLog);
        assertThat(training.waitFor(MAX_RUN.toSeconds(), TimeUnit.SECONDS)).as("exits by itself; " + trainingLog)
                .isTrue();
        assertThat(training.exitValue()).as("exit code; " + trainingLog).isZero();
        assertThat(Files.readString(trainingLog)).contains("Training run: GET /api/cases answered 200");
        assertThat(archive).exists();

        int port = freePort();
        Path restartLog = work.resolve("restart.log");
        Process restart = run(command(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"), extractedJar, data,
                "--server.port=" + port), restartLog);
        try {
            assertThat(awaitOk(restart, "http://localhost:" + port + "/api/cases")).as("answers; " + restartLog)
                    .isTrue();
        } finally {
            restart.destroy();
            if (!restart.waitFor(30, TimeUnit.SECONDS)) {
                restart.destroyForcibly().waitFor();
            }
        }
    }

    private static List<String> command(List<String> archiveOptions, Path jar, Path data, String argument) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(RECOMMENDED);
        command.addAll(archiveOptions);
        command.addAll(List.of("-jar", jar.toString(), "--tracker.data-dir=" + data, argument));
        if (!argument.startsWith("--server.port")) {
            command.add("--server.port=0");
        }
        return command;
    }

    private static boolean awaitOk(Process process, String url) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static Process run(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
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
