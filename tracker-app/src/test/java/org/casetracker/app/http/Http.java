package org.casetracker.app.http;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small HTTP client for the tests, over Spring's {@link RestTestClient} bound to a running server: every answer
 * comes back whole (status, headers, body) so that tests can assert on all of it with AssertJ and JsonPath.
 * <p>
 * By default it reads without credentials (reads are public), writes as the test {@link #RECORDER} and reaches the
 * audit and the operations on the store ({@code /api/audit}, {@code /api/admin}, {@code /api/export},
 * {@code /api/import}) as the test {@link #ADMIN}, with HTTP Basic. {@link #as}, {@link #withToken} and
 * {@link #anonymous} make clients that send other credentials (with every request) or none; {@link #with} adds a
 * header (an {@code If-Match}, an {@code Idempotency-Key}) to every request.
 */
final class Http {

    /** The users every test application is started with (see {@link #USER_PROPERTIES}). */
    static final String RECORDER = "recorder";
    static final String RECORDER_PASSWORD = "recorder-secret";
    static final String READER = "reader";
    static final String READER_PASSWORD = "reader-secret";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";
    /** An API token acting as the recorder; only its SHA-256 is configured. */
    static final String RECORDER_TOKEN = "test-token-of-the-recorder-0123456789";
    /** SHA-256 of {@link #RECORDER_TOKEN}. */
    static final String RECORDER_TOKEN_SHA256 = "4c7fedc87325f10443fe718b1c420f9fa0f52b562bb7f9760f9f611b290e7786";

    /** {@code name=value} for the test users: as Spring properties or as {@code --name=value} arguments. */
    static final Map<String, String> USER_PROPERTIES = userProperties();

    private static final Configuration JSON = Configuration.defaultConfiguration()
            .addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL);

    private final RestTestClient client;
    private final int port;
    private final String readAuthorization;
    private final String writeAuthorization;
    private final Map<String, String> headers;
    /** The default client: the admin for the admin paths. */
    private final boolean byPath;

    Http(int port) {
        this(port, null, basic(RECORDER, RECORDER_PASSWORD), Map.of(), true);
    }

    private Http(int port, String readAuthorization, String writeAuthorization, Map<String, String> headers,
                 boolean byPath) {
        this.port = port;
        this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        this.readAuthorization = readAuthorization;
        this.writeAuthorization = writeAuthorization;
        this.headers = Map.copyOf(headers);
        this.byPath = byPath;
    }

    /** A client that sends these Basic credentials with every request (wrong ones too, for the tests that need it). */
    Http as(String user, String password) {
        String basic = basic(user, password);
        return new Http(port, basic, basic, headers, false);
    }

    /** A client that sends this API token with every request. */
    Http withToken(String token) {
        String bearer = "Bearer " + token;
        return new Http(port, bearer, bearer, headers, false);
    }

    /** A client that sends no credentials at all. */
    Http anonymous() {
        return new Http(port, null, null, headers, false);
    }

    /** A client that adds this header to every request. */
    Http with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Http(port, readAuthorization, writeAuthorization, more, byPath);
    }

    Reply get(String path) {
        RestTestClient.RequestHeadersSpec<?> request = client.get().uri(path);
        request.headers(h -> headers(h, authorization(path, readAuthorization)));
        return reply(request.exchange().returnResult(byte[].class));
    }

    Reply post(String path, String json) {
        return send(path, MediaType.APPLICATION_JSON, json);
    }

    Reply send(String path, MediaType contentType, String body) {
        return reply(client.post().uri(path).headers(h -> headers(h, authorization(path, writeAuthorization)))
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).exchange().returnResult(byte[].class));
    }

    private String authorization(String path, String otherwise) {
        boolean admin = path.startsWith("/api/audit") || path.startsWith("/api/admin") || path.startsWith("/api/export")
                || path.startsWith("/api/import");
        return byPath && admin ? basic(ADMIN, ADMIN_PASSWORD) : otherwise;
    }

    private void headers(HttpHeaders outgoing, String authorization) {
        if (authorization != null) {
            outgoing.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        headers.forEach(outgoing::set);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The test users as {@code --name=value} arguments of an application started by hand. */
    static List<String> userArguments() {
        return USER_PROPERTIES.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    private static Map<String, String> userProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("tracker.security.users." + RECORDER + ".password", "{noop}" + RECORDER_PASSWORD);
        properties.put("tracker.security.users." + RECORDER + ".roles", "RECORDER");
        properties.put("tracker.security.users." + READER + ".password", "{noop}" + READER_PASSWORD);
        properties.put("tracker.security.users." + READER + ".roles", "READER");
        properties.put("tracker.security.users." + ADMIN + ".password", "{noop}" + ADMIN_PASSWORD);
        properties.put("tracker.security.users." + ADMIN + ".roles", "ADMIN");
        properties.put("tracker.security.tokens.test-script.hash", RECORDER_TOKEN_SHA256);
        properties.put("tracker.security.tokens.test-script.user", RECORDER);
        return Map.copyOf(properties);
    }

    private static Reply reply(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        return new Reply(result.getMethod() + " " + result.getUrl(), result.getStatus().value(),
                result.getResponseHeaders(), body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /** One answer. {@link #json()} reads absent leaves as null. */
    record Reply(String request, int status, HttpHeaders headers, String body) {

        DocumentContext json() {
            return JsonPath.using(JSON).parse(body);
        }

        <T> T read(String path) {
            return json().read(path);
        }

        List<Object> list(String path) {
            return json().read(path);
        }

        MediaType contentType() {
            return headers.getContentType();
        }

        String location() {
            return headers.getFirst(HttpHeaders.LOCATION);
        }

        String etag() {
            return headers.getFirst(HttpHeaders.ETAG);
        }

        /** Asserts the status, showing the request and the whole answer when it differs. */
        Reply expect(int expected) {
            assertThat(status).as("%s answered %s", request, body).isEqualTo(expected);
            return this;
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body;
        }
    }
}
