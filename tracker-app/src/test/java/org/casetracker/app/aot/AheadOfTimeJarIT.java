package org.casetracker.app.aot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar run the way README recommends for the fastest start: with {@code -Dspring.aot.enabled=true},
 * Spring takes the bean definitions {@code process-aot} generated at build time instead of finding them at start.
 * Ahead-of-time processing fixes the beans at build time and injects only what it could see there (Axon's own
 * entity-manager provider stayed without its entity manager, ADR 0018), so this starts the real jar that way on an
 * empty store and checks what the tests of the ordinary start check in detail: the record loads on the first start,
 * every family of endpoints answers, writes go through the aggregates, the processors project them, bad input is
 * refused with a problem, the audit chain verifies, and a projection rebuild finishes. Runs after {@code package}
 * (failsafe).
 */
class AheadOfTimeJarIT {

    private static final String LAST_OF_THE_RECORD = "/api/cases/wawd-2-21-cv-00270/filings/wawd-2-21-cv-00270-dkt-71";
    private static final Duration MAX_START = Duration.ofMinutes(3);
    private static final String SOURCE = "\"source\":{\"citation\":\"https://example.org/aot\",\"verification\":\"UNVERIFIED\"}";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("aot:aot-secret".getBytes(StandardCharsets.UTF_8));
    private Process process;
    private Path log;
    private int port;

    @BeforeEach
    void startTheJarAheadOfTime() throws IOException {
        Path jar = Path.of(System.getProperty("tracker.jar", "target/tracker-app-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).exists();
        Path work = Files.createTempDirectory("aot-jar");
        log = work.resolve("tracker.log");
        port = freePort();
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dspring.aot.enabled=true", "-jar", jar.toString(),
                "--server.port=" + port, "--tracker.data-dir=" + work.resolve("data"),
                "--tracker.security.users.aot.password={noop}aot-secret",
                "--tracker.security.users.aot.roles=READER,RECORDER,ADMIN"))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void loadsTheRecordAnswersEveryFamilyOfEndpointsRecordsProjectsAndRebuilds() throws Exception {
        awaitOk(LAST_OF_THE_RECORD);
        assertThat(Files.readString(log)).as("started from the generated initialiser, not by scanning")
                .contains("Starting AOT-processed TrackerApplication");

        String parler = "/api/cases/wawd-2-21-cv-00031";
        assertThat(get("/api/cases").path("cases").size()).isEqualTo(3);
        assertThat(get(parler).path("caption").asString()).contains("Parler");
        assertThat(get(parler + "/claims").path("claims").size()).isEqualTo(3);
        assertThat(get(parler + "/timeline").path("events").size()).isPositive();
        assertThat(get(parler + "/history").path("totalEntries").asInt()).isPositive();
        assertThat(get("/v3/api-docs").path("paths").has("/api/cases")).isTrue();
        assertThat(get("/actuator/health").path("status").asString()).isEqualTo("UP");
        assertThat(send(HttpRequest.newBuilder(uri("/")).GET()).statusCode()).isEqualTo(200);

        String caseId = post("/api/cases", "{\"court\":\"aot\",\"docketNumber\":\"1:26-cv-1\",\"caption\":\"Ahead v. Time\","
                + "\"filedOn\":\"2021-01-01\",\"parties\":[{\"name\":\"Ahead\",\"role\":\"PLAINTIFF\"}]," + SOURCE + "}");
        String base = "/api/cases/" + caseId;
        post(base + "/claims", "{\"count\":1,\"type\":\"ANTITRUST\",\"title\":\"Count I\",\"assertedOn\":\"2021-01-01\","
                + SOURCE + "}");
        String filing = post(base + "/filings", "{\"entryNumber\":1,\"dateFiled\":\"2021-01-02\",\"filedBy\":\"Plaintiff\","
                + "\"type\":\"COMPLAINT\",\"title\":\"Complaint\"," + SOURCE + "}");
        post(base + "/filings/" + filing + "/corrections", "{\"changes\":{\"title\":\"Verified complaint\"},\"reason\":\"the caption\"}");
        assertThat(get(base + "/filings/" + filing).path("title").asString()).isEqualTo("Verified complaint");
        post(base + "/filings/" + filing + "/retraction", "{\"reason\":\"recorded in error\"}");
        assertThat(get(base + "/filings").path("filings").size()).isZero();
        assertThat(get(base + "/history").path("totalEntries").asInt()).isEqualTo(5);

        HttpResponse<String> refused = send(write(base + "/filings", "{\"entryNumber\":\"x\"}"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        JsonNode verified = get("/api/audit/verify");
        assertThat(verified.path("valid").asBoolean()).isTrue();
        assertThat(verified.path("eventsChecked").asInt()).isEqualTo(verified.path("headPosition").asInt());

        assertThat(send(write("/api/admin/projections/rebuild", "{}")).statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + MAX_START.toNanos();
        while (get("/api/admin/projections").path("rebuilding").asBoolean()) {
            assertThat(System.nanoTime()).as("the rebuild finishes").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(get(base).path("caption").asString()).isEqualTo("Ahead v. Time");
        assertThat(get("/api/cases").path("cases").size()).isEqualTo(4);
    }

    private void awaitOk(String path) throws InterruptedException {
        long deadline = System.nanoTime() + MAX_START.toNanos();
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the tracker is running; see " + log).isTrue();
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no answer from " + path + " within " + MAX_START + "; see " + log);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(path)).header("Authorization", auth).GET());
        assertThat(answer.statusCode()).as("GET " + path + ": " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    /** A write that must succeed; answers the id of what it made. */
    private String post(String path, String body) throws Exception {
        HttpResponse<String> answer = send(write(path, body));
        assertThat(answer.statusCode()).as("POST " + path + ": " + answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).path("id").asString();
    }

    private HttpRequest.Builder write(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
