package org.casetracker.app.crash;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain HTTP to a {@link TrackerProcess}, as the recorder and the auditor the crash tests start it with. */
final class TrackerClient {

    static final String USER = "recorder";
    static final String PASSWORD = "crash-test-password";
    static final String ADMIN = "auditor";
    static final String ADMIN_PASSWORD = "crash-test-admin";
    static final List<String> USERS = List.of(
            "--tracker.security.users." + USER + ".password={noop}" + PASSWORD,
            "--tracker.security.users." + USER + ".roles=RECORDER,READER",
            "--tracker.security.users." + ADMIN + ".password={noop}" + ADMIN_PASSWORD,
            "--tracker.security.users." + ADMIN + ".roles=ADMIN");
    private static final Pattern ENTRY_NUMBER = Pattern.compile("\"entryNumber\"\\s*:\\s*(\\d+)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    String openCase(TrackerProcess tracker) throws Exception {
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

    /** Records a notice with this entry number; the answer's status, or -1 when none came (e.g. the node died). */
    int record(TrackerProcess tracker, String caseId, int entryNumber) {
        try {
            return post(tracker, "/api/cases/" + caseId + "/filings", """
                    {"entryNumber": %d, "dateFiled": "2021-02-01", "filedBy": "Crash LLC", "type": "NOTICE",
                     "title": "Notice %d", "source": {"citation": "test data", "verification": "UNVERIFIED"}}"""
                    .formatted(entryNumber, entryNumber)).statusCode();
        } catch (Exception noAnswer) {
            return -1;
        }
    }

    /** The docket's entry numbers once they include {@code expected}, or as they last were after {@code max}. */
    List<Integer> awaitDocketWith(TrackerProcess tracker, String caseId, Collection<Integer> expected, Duration max)
            throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        List<Integer> docket = List.of();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create(tracker.url("/api/cases/" + caseId + "/filings"))).header("Authorization",
                    basic(USER, PASSWORD)).build(), HttpResponse.BodyHandlers.ofString());
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
    String awaitValidChain(TrackerProcess tracker, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(tracker.url("/api/audit/verify")))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString());
            last = answer.statusCode() + " " + answer.body().replace(" ", "");
            if (answer.statusCode() == 200 && last.contains("\"valid\":true")) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    HttpResponse<String> get(TrackerProcess tracker, String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tracker.url(path)))
                .timeout(Duration.ofSeconds(20));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
                .header("Authorization", basic(USER, PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
