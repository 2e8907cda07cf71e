package org.casetracker.app.crash;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash mid-way loses nothing that was acknowledged: the tracker runs as its own process, takes
 * filings from several threads, is killed with SIGKILL while they write, and starts again on the same
 * H2 store. Every filing answered 2xx is in the store and, after catch-up, in the docket, once, and the
 * audit hash chain still verifies.
 * Bounded: about half a minute of writing at most, and a minute to catch up.
 */
class CrashRecoveryTest {

    private static final String USER = "recorder";
    private static final String PASSWORD = "crash-test-password";
    private static final String ADMIN = "auditor";
    private static final String ADMIN_PASSWORD = "crash-test-admin";
    private static final List<String> USERS = List.of(
            "--tracker.security.users." + USER + ".password={noop}" + PASSWORD,
            "--tracker.security.users." + USER + ".roles=RECORDER,READER",
            "--tracker.security.users." + ADMIN + ".password={noop}" + ADMIN_PASSWORD,
            "--tracker.security.users." + ADMIN + ".roles=ADMIN");
    private static final Pattern ENTRY_NUMBER = Pattern.compile("\"entryNumber\"\\s*:\\s*(\\d+)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedFilingSurvivesAKillDashNine() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "test-data", "crash-" + UUID.randomUUID()))
                .toAbsolutePath();
        String caseId;
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        try (TrackerProcess first = TrackerProcess.start(dataDir, USERS)) {
            first.awaitReady(Duration.ofSeconds(120));
            caseId = openCase(first);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int thread = 0; thread < 4; thread++) {
                int lane = thread;
                writers.submit(() -> {
                    for (int n = 0; writing.get() && n < 10_000; n++) {
                        int entryNumber = 1 + lane + 4 * n;
                        if (record(first, caseId, entryNumber)) {
                            acknowledged.add(entryNumber);
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (acknowledged.size() < 120 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            first.kill(); // mid-way: the writers are still sending
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("filings acknowledged before the crash").hasSizeGreaterThan(10);

        try (TrackerProcess second = TrackerProcess.start(dataDir, USERS)) {
            second.awaitReady(Duration.ofSeconds(120));
            List<Integer> docket = awaitDocketWith(second, caseId, acknowledged, Duration.ofSeconds(60));
            assertThat(docket).as("the docket after restart holds every acknowledged filing")
                    .containsAll(acknowledged);
            assertThat(docket).as("no entry twice").doesNotHaveDuplicates();
            assertThat(awaitValidChain(second, Duration.ofSeconds(60)))
                    .as("the audit chain verifies after the crash").contains("\"valid\":true");
        }
    }

    private String openCase(TrackerProcess tracker) throws Exception {
        String docketNumber = "1:21-cv-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> answer = post(tracker, "/api/cases", """
                {"court": "crash", "courtName": "Crash Test Court", "docketNumber": "%s",
                 "caption": "Crash v. Recovery", "filedOn": "2021-01-04", "judge": "J. Test",
                 "parties": [{"name": "Crash LLC", "role": "PLAINTIFF"}],
                 "source": {"citation": "test data", "verification": "UNVERIFIED"}}""".formatted(docketNumber));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** True only when the tracker acknowledged the filing (2xx); a refused or unanswered one is false. */
    private boolean record(TrackerProcess tracker, String caseId, int entryNumber) {
        try {
            HttpResponse<String> answer = post(tracker, "/api/cases/" + caseId + "/filings", """
                    {"entryNumber": %d, "dateFiled": "2021-02-01", "filedBy": "Crash LLC", "type": "NOTICE",
                     "title": "Notice %d", "source": {"citation": "test data", "verification": "UNVERIFIED"}}"""
                    .formatted(entryNumber, entryNumber));
            return answer.statusCode() / 100 == 2;
        } catch (Exception crashed) {
            return false;
        }
    }

    private List<Integer> awaitDocketWith(TrackerProcess tracker, String caseId, Set<Integer> expected,
                                          Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        List<Integer> docket = List.of();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create(tracker.url("/api/cases/" + caseId + "/filings"))).header("Authorization", basic())
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                docket = entryNumbers(answer.body());
                if (docket.containsAll(expected)) {
                    return docket;
                }
            }
            Thread.sleep(250);
        }
        return docket;
    }

    /** The answer of GET /api/audit/verify once it is valid (the chain may still be catching up), or the last one. */
    private String awaitValidChain(TrackerProcess tracker, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(tracker.url("/api/audit/verify")))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = answer.statusCode() + " " + answer.body().replace(" ", "");
            if (answer.statusCode() == 200 && last.contains("\"valid\":true")) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    private static List<Integer> entryNumbers(String docket) {
        List<Integer> numbers = new ArrayList<>();
        Matcher matcher = ENTRY_NUMBER.matcher(docket);
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        return numbers;
    }

    private HttpResponse<String> post(TrackerProcess tracker, String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(tracker.url(path)))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
