package org.casetracker.app.http;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in the page tests without a browser: it keeps the session cookie, asks for HTML, and sends forms
 * with the CSRF token the page put in them.
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    PageSession(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build());
    }

    /** Posts {@code fields} (and the CSRF token of the form on {@code formPage}, if it has one) as a browser would. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPage).body());
        StringBuilder body = new StringBuilder(fields.entrySet().stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue())).collect(Collectors.joining("&")));
        if (token.find()) {
            body.append("&_csrf=").append(encode(token.group(1)));
        }
        return post(action, body.toString());
    }

    HttpResponse<String> post(String path, String formBody) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build());
    }

    PageSession signIn(String user, String password) {
        HttpResponse<String> signedIn = submit("/login", "/login", Map.of("username", user, "password", password));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("could not sign in as " + user + ": " + signedIn.statusCode() + " "
                    + signedIn.headers().map());
        }
        return this;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(request + " interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
