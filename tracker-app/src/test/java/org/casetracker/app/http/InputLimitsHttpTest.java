package org.casetracker.app.http;

import org.casetracker.app.http.Http.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casetracker.app.http.SecurityHttpTest.assertProblem;

/**
 * Bad input is refused early and stores nothing: a body over 256 KiB (413, whether its length is declared or it is
 * chunked), JSON nested deeper than 32 levels (400).
 */
class InputLimitsHttpTest extends RecordedAppTest {

    private static final String FILINGS = "/api/cases/" + FEDERAL + "/filings";
    private static final int LIMIT = 256 * 1024;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void aBodyOverTheLimitIsA413AndStoresNothing() {
        Reply reply = refused(() -> http.post(FILINGS, filingOfSize(LIMIT + 1)), 413);
        assertThat((String) reply.read("$.detail")).contains(String.valueOf(LIMIT));
        refused(() -> http.post("/api/cases", filingOfSize(2 * 1024 * 1024)), 413);
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Too() throws Exception {
        long events = storedEvents();
        byte[] body = filingOfSize(LIMIT + 100).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + FILINGS))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(HttpHeaders.AUTHORIZATION, Http.basic(Http.RECORDER, Http.RECORDER_PASSWORD))
                // an InputStream of unknown length: sent chunked, with no Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndJudgedOnItsFields() {
        Reply reply = refused(() -> http.post(FILINGS, filingOfSize(LIMIT - 10)), 400);
        assertThat((String) reply.read("$.errors[0].field")).isEqualTo("description");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "[".repeat(200) + "]".repeat(200);
        refused(() -> http.post(FILINGS, deep), 400);
        refused(() -> http.post(FILINGS, "{\"effects\": {\"motions\": " + deep + "}}"), 400);
        refused(() -> http.post("/api/cases", "{\"parties\": " + deep + "}"), 400);
    }

    @Test
    void theJsonReaderOfTheApiStopsAtADepthOf32() {
        assertThat(jsonMapper.readTree("[".repeat(32) + "]".repeat(32)).isArray()).isTrue();
        assertThatThrownBy(() -> jsonMapper.readTree("[".repeat(33) + "]".repeat(33)))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("32");
    }

    /** A filing whose description makes the body exactly {@code size} bytes long. */
    private static String filingOfSize(int size) {
        String template = """
                {"entryNumber": 40, "dateFiled": "2021-02-01", "filedBy": "Court", "type": "ORDER", "title": "Big",
                 "source": %s, "description": "%%s"}""".formatted(SOURCE);
        String body = template.formatted("x".repeat(size - template.length() + 2));
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return body;
    }

    private Reply refused(Supplier<Reply> request, int status) {
        long events = storedEvents();
        long history = historySize(FEDERAL);
        Reply reply = request.get();
        assertProblem(reply, status);
        assertThat(storedEvents()).as("events stored after %s", reply).isEqualTo(events);
        assertThat(historySize(FEDERAL)).isEqualTo(history);
        return reply;
    }
}
