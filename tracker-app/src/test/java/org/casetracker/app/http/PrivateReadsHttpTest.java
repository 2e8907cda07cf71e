package org.casetracker.app.http;

import org.casetracker.app.TrackerApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetracker.app.http.Http.ADMIN;
import static org.casetracker.app.http.Http.ADMIN_PASSWORD;
import static org.casetracker.app.http.Http.READER;
import static org.casetracker.app.http.Http.READER_PASSWORD;
import static org.casetracker.app.http.Http.RECORDER;
import static org.casetracker.app.http.Http.RECORDER_PASSWORD;
import static org.casetracker.app.http.Http.RECORDER_TOKEN;
import static org.casetracker.app.http.SecurityHttpTest.assertProblem;

/**
 * With {@code tracker.security.public-read=false} every read needs READER, which a RECORDER and an ADMIN have too;
 * the OpenAPI document stays public. An application of its own, started and stopped here (not a cached test
 * context: the shared one is left alone).
 */
class PrivateReadsHttpTest {

    private static ConfigurableApplicationContext app;
    private static Http http;

    @BeforeAll
    static void start() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--tracker.seed.enabled=false",
                "--tracker.security.public-read=false"));
        arguments.addAll(RecordedAppTest.storeArguments("private"));
        arguments.addAll(Http.userArguments());
        app = new SpringApplicationBuilder(TrackerApplication.class).run(arguments.toArray(String[]::new));
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void readsNeedAReader() {
        for (String path : new String[]{"/api/cases", "/api/cases/any-case", "/api/cases/any-case/filings",
                "/api/cases/any-case/history"}) {
            Http.Reply anonymous = http.anonymous().get(path);
            assertProblem(anonymous, 401);
            assertThat(anonymous.headers().get(HttpHeaders.WWW_AUTHENTICATE)).isNotEmpty();
            assertThat(http.as(READER, READER_PASSWORD).get(path).status()).as(path).isNotIn(401, 403);
        }
        // and anything else the tracker serves (the web page) likewise
        assertProblem(http.anonymous().get("/"), 401);
    }

    @Test
    void aRecorderAndAnAdminReadToo() {
        http.as(READER, READER_PASSWORD).get("/api/cases").expect(200);
        http.as(RECORDER, RECORDER_PASSWORD).get("/api/cases").expect(200);
        http.withToken(RECORDER_TOKEN).get("/api/cases").expect(200);
        http.as(ADMIN, ADMIN_PASSWORD).get("/api/cases").expect(200);
    }

    @Test
    void theApiDocumentStaysPublic() {
        http.anonymous().get("/v3/api-docs").expect(200);
    }

    @Test
    void writesStillNeedARecorder() {
        assertProblem(http.anonymous().post("/api/cases", "{}"), 401);
        assertProblem(http.as(READER, READER_PASSWORD).post("/api/cases", "{}"), 403);
        // a recorder gets as far as the checks of the body
        assertProblem(http.post("/api/cases", "{}"), 400);
    }
}
