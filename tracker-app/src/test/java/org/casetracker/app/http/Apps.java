package org.casetracker.app.http;

import org.casetracker.app.TrackerApplication;
import org.casetracker.app.http.Http.Reply;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applications of their own for the audit tests (tampering, import into an empty store, rebuilds must not touch the
 * shared one), and a client that sends any header, e.g. {@code X-Correlation-Id}.
 */
final class Apps {

    private Apps() {
    }

    /** Starts the tracker on a fresh data directory; {@code seed}: load the record of the dispute. */
    static ConfigurableApplicationContext start(String prefix, boolean seed, List<Class<?>> extraConfiguration,
                                                String... arguments) {
        List<Class<?>> sources = new ArrayList<>(List.of(TrackerApplication.class));
        sources.addAll(extraConfiguration);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--tracker.seed.enabled=" + seed));
        args.addAll(RecordedAppTest.storeArguments(prefix));
        args.addAll(Http.userArguments());
        args.addAll(List.of(arguments));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }

    static Http http(ConfigurableApplicationContext app) {
        return new Http(port(app));
    }

    static Client client(ConfigurableApplicationContext app) {
        return new Client(port(app));
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** Requests with headers of the test's choosing. */
    static final class Client {

        private final RestTestClient client;

        Client(int port) {
            this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        }

        Reply get(String path, Map<String, String> headers) {
            return reply(client.get().uri(path).headers(h -> {
                h.add(HttpHeaders.AUTHORIZATION, authorization(path));
                headers.forEach(h::add);
            }).exchange().returnResult(byte[].class));
        }

        Reply post(String path, MediaType contentType, String body, Map<String, String> headers) {
            return reply(client.post().uri(path).contentType(contentType).headers(h -> {
                h.add(HttpHeaders.AUTHORIZATION, authorization(path));
                headers.forEach(h::add);
            }).body(body.getBytes(StandardCharsets.UTF_8)).exchange().returnResult(byte[].class));
        }

        /** The admin for the operations on the store, the recorder for everything else. */
        private static String authorization(String path) {
            boolean admin = path.startsWith("/api/audit") || path.startsWith("/api/admin")
                    || path.startsWith("/api/export") || path.startsWith("/api/import");
            return admin ? Http.basic(Http.ADMIN, Http.ADMIN_PASSWORD)
                    : Http.basic(Http.RECORDER, Http.RECORDER_PASSWORD);
        }

        Reply postJson(String path, String json, Map<String, String> headers) {
            return post(path, MediaType.APPLICATION_JSON, json, headers);
        }

        private static Reply reply(EntityExchangeResult<byte[]> result) {
            byte[] body = result.getResponseBody();
            HttpHeaders headers = result.getResponseHeaders();
            return new Reply(result.getMethod() + " " + result.getUrl(), result.getStatus().value(), headers,
                    body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }
    }
}
