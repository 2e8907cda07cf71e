package org.casetracker.app.http;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.casetracker.app.casefile.CaseFileProjection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot Actuator: health for anyone (the status only), its details and the metrics for ADMIN. The health of
 * the database and of the event processors, and the lag of each processor behind the head of the store, which grows
 * while a projection is stopped and returns to 0 once it has caught up. An application of its own: the test stops a
 * processor.
 */
class MonitoringHttpTest {

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static Http admin;

    @BeforeAll
    static void start() {
        app = Apps.start("monitoring", false, List.of());
        http = Apps.http(app);
        admin = http.as(Http.ADMIN, Http.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthIsPublicButOnlyAnAdminSeesItsDetails() {
        Http.Reply anonymous = http.anonymous().get("/actuator/health").expect(200);
        assertThat((String) anonymous.read("$.status")).isEqualTo("UP");
        assertThat((Object) anonymous.read("$.components")).as("no details for anyone").isNull();

        Http.Reply detailed = admin.get("/actuator/health").expect(200);
        assertThat((String) detailed.read("$.components.db.status")).isEqualTo("UP");
        assertThat((String) detailed.read("$.components.processors.status")).isEqualTo("UP");
        assertThat((Map<String, Object>) detailed.read("$.components.processors.details"))
                .containsKeys(CaseFileProjection.PROCESSING_GROUP, "audit-chain");
    }

    @Test
    void metricsAreForAdminsOnly() {
        assertThat(http.anonymous().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(http.as(Http.RECORDER, Http.RECORDER_PASSWORD).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(http.as(Http.READER, Http.READER_PASSWORD).get("/actuator/health").status()).isEqualTo(200);
        List<Object> names = admin.get("/actuator/metrics").expect(200).list("$.names");
        assertThat(names).contains("tracker.processor.lag", "hikaricp.connections.active", "jvm.memory.used");
    }

    @Test
    void lagCountsTheEventsAStoppedProjectionHasNotFoldedAndHealthSaysSo() {
        String caseId = open("9:23-cv-lag-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> lag(CaseFileProjection.PROCESSING_GROUP) == 0);

        StreamingEventProcessor caseFiles = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(CaseFileProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        caseFiles.shutDown();
        try {
            long before = storedEvents();
            open("9:23-cv-lag-2");
            open("9:23-cv-lag-3");
            long added = storedEvents() - before;
            assertThat(added).isPositive();
            assertThat((long) lag(CaseFileProjection.PROCESSING_GROUP)).as("the openings not folded").isEqualTo(added);
            Http.Reply down = admin.get("/actuator/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat((String) down.read("$.components.processors.status")).isEqualTo("DOWN");
            assertThat(((Number) down.read("$.components.processors.details['case-files'].segments[0].behind"))
                    .longValue()).isEqualTo(added);
        } finally {
            caseFiles.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lag(CaseFileProjection.PROCESSING_GROUP) == 0);
        assertThat((String) admin.get("/actuator/health").expect(200).read("$.components.processors.status"))
                .isEqualTo("UP");
        assertThat(http.get("/api/cases").expect(200).list("$.cases")).hasSize(3);
        assertThat(caseId).isNotBlank();
    }

    private static long storedEvents() {
        return Apps.jdbc(app).queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static double lag(String processor) {
        Number value = admin.get("/actuator/metrics/tracker.processor.lag?tag=processor:" + processor).expect(200)
                .read("$.measurements[0].value");
        return value.doubleValue();
    }

    private static String open(String docketNumber) {
        return http.post("/api/cases", """
                {"court": "test", "courtName": "Test Court", "docketNumber": "%s",
                 "caption": "Lag v. Lead", "filedOn": "2021-01-04", "judge": "J. Test",
                 "parties": [{"name": "Lag LLC", "role": "PLAINTIFF"}],
                 "source": {"citation": "test data", "verification": "UNVERIFIED"}}""".formatted(docketNumber))
                .expect(201).read("$.id");
    }
}
