package org.casetracker.app.bench;

import org.casetracker.app.TrackerApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CourtListener page of N entries imported in one request (one write for all its entries), against the same N
 * entries recorded one {@code POST …/filings} at a time, in the same run; then the page imported again (every
 * entry skipped). Prints the figures and ratios. A benchmark: it asserts only that the answers are right.
 * Run: {@code ./mvnw -pl tracker-app -am verify -Pbench -Dtest=CourtListenerImportBenchmark}.
 */
@Tag("benchmark")
class CourtListenerImportBenchmark {

    private static final int[] SIZES = {20, 100, 500};
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("bench:bench-secret".getBytes(StandardCharsets.UTF_8));

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void one_import_against_one_post_per_entry() throws Exception {
        Path dataDir = Path.of("target", "bench", "data-" + UUID.randomUUID()).toAbsolutePath();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TrackerApplication.class)
                .run("--server.port=0", "--tracker.seed.enabled=false", "--tracker.data-dir=" + dataDir,
                        "--logging.level.root=WARN", "--tracker.http.max-body-size=4MB",
                        "--tracker.security.users.bench.password={noop}bench-secret",
                        "--tracker.security.users.bench.roles=ADMIN,RECORDER")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            importPage(base, 20, "warm-up");
            System.out.println("| entries | import (ms) | one POST per entry (ms) | ratio | import again, all skipped (ms) |");
            System.out.println("|---|---|---|---|---|");
            for (int size : SIZES) {
                double imported = importPage(base, size, "import");
                double again = lastReimportMillis;
                double onePerEntry = postEach(base, size);
                System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.1fx | %.0f |%n", size, imported, onePerEntry,
                        onePerEntry / imported, again);
            }
        }
    }

    private double lastReimportMillis;

    private double importPage(String base, int entries, String label) throws Exception {
        String number = "1:26-cv-" + UUID.randomUUID().toString().substring(0, 8);
        String body = page(number, entries);
        long started = System.nanoTime();
        HttpResponse<String> first = post(base + "/api/import/courtlistener", body);
        double millis = (System.nanoTime() - started) / 1e6;
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"recordedCount\":" + entries);
        started = System.nanoTime();
        HttpResponse<String> again = post(base + "/api/import/courtlistener", body);
        lastReimportMillis = (System.nanoTime() - started) / 1e6;
        assertThat(again.statusCode()).as(label).isEqualTo(200);
        assertThat(again.body()).contains("\"recordedCount\":0");
        return millis;
    }

    private double postEach(String base, int entries) throws Exception {
        String number = "2:26-cv-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> opened = post(base + "/api/cases", """
                {"court": "bench", "docketNumber": "%s", "caption": "A v. B", "filedOn": "2021-01-04",
                 "parties": [{"name": "A", "role": "PLAINTIFF"}],
                 "source": {"citation": "bench", "verification": "UNVERIFIED"}}""".formatted(number));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId = opened.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        long started = System.nanoTime();
        for (int n = 1; n <= entries; n++) {
            HttpResponse<String> recorded = post(base + "/api/cases/" + caseId + "/filings", """
                    {"entryNumber": %d, "dateFiled": "%s", "filedBy": "Court", "type": "ORDER",
                     "title": "Order %d", "source": {"citation": "bench", "verification": "SECONDARY"}}"""
                    .formatted(n, day(n), n));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static String page(String docketNumber, int entries) {
        StringBuilder results = new StringBuilder();
        for (int n = 1; n <= entries; n++) {
            if (n > 1) {
                results.append(',');
            }
            results.append("""
                    {"resource_uri": "https://www.courtlistener.com/api/rest/v4/docket-entries/%d/", "id": %d,
                     "entry_number": %d, "recap_sequence_number": "%s.%03d", "date_filed": "%s",
                     "description": "ORDER %d. Signed by Judge J. Doe.",
                     "recap_documents": [{"document_type": 1, "document_number": "%d", "page_count": 2}]}"""
                    .formatted(n, n, n, day(n), n % 1000, day(n), n, n));
        }
        return """
                {"docket": {"court_id": "bench", "docket_number": "%s", "case_name": "A v. B",
                            "date_filed": "2021-01-04", "absolute_url": "/docket/1/a-v-b/"},
                 "entries": {"next": null, "previous": null, "results": [%s]}}""".formatted(docketNumber, results);
    }

    private static LocalDate day(int n) {
        return LocalDate.of(2021, 1, 4).plusDays(n / 10);
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
