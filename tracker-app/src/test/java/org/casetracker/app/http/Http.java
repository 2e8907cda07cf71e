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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small HTTP client for the tests, over Spring's {@link RestTestClient} bound to a running server: every answer
 * comes back whole (status, headers, body) so that tests can assert on all of it with AssertJ and JsonPath.
 */
final class Http {

    private static final Configuration JSON = Configuration.defaultConfiguration()
            .addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL);

    private final RestTestClient client;

    Http(int port) {
        this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    Reply get(String path) {
        return reply(client.get().uri(path).exchange().returnResult(byte[].class));
    }

    Reply post(String path, String json) {
        return send(path, MediaType.APPLICATION_JSON, json);
    }

    Reply send(String path, MediaType contentType, String body) {
        return reply(client.post().uri(path).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .exchange().returnResult(byte[].class));
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
