package org.casetracker.app.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The training run of the class-data sharing archive (README, "Faster start-up"; ADR 0019): with
 * {@code --tracker.training-run=true} the tracker starts as usual, answers its first requests, then exits, and the
 * JVM (started with {@code -XX:ArchiveClassesAtExit}) archives every class that took. Spring's own
 * {@code -Dspring.context.exit=onRefresh} exits before the web server and the processors start, so the classes a
 * restart loads after that (Tomcat's connector, the processors, the first query's HQL parser, the request's path
 * through security, MVC and JSON) were read from the jar at every start.
 */
@Component
public class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    /** What a restart answers first: the list of cases (the start-up benchmark's first request). */
    private static final List<String> FIRST_REQUESTS = List.of("/api/cases");

    private final boolean enabled;

    public TrainingRun(@Value("${tracker.training-run:false}") boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Readiness is published after every {@code ApplicationReadyEvent} listener has run, so on an empty store the
     * record is loaded by then and the list answered has cases in it.
     */
    @EventListener
    public void answerThenExit(AvailabilityChangeEvent<ReadinessState> readiness) throws InterruptedException {
        if (!enabled || readiness.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return;
        }
        ApplicationContext context = (ApplicationContext) readiness.getSource();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int failed = 0;
        for (String path : FIRST_REQUESTS) {
            failed += answered(client, port, path) ? 0 : 1;
        }
        log.info("Training run: {} of {} first requests answered 200, exiting", FIRST_REQUESTS.size() - failed,
                FIRST_REQUESTS.size());
        int exitCode = SpringApplication.exit(context);
        System.exit(failed == 0 ? exitCode : 1);
    }

    private static boolean answered(HttpClient client, int port, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            log.info("Training run: GET {} answered {}", path, status);
            return status == 200;
        } catch (IOException e) {
            log.warn("Training run: GET {} failed", path, e);
            return false;
        }
    }
}
