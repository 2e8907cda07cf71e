package org.casetracker.app.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casetracker.app.metadata.RecordingUser;
import org.casetracker.app.security.HttpProblems;
import org.casetracker.app.security.RequestBodyLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on a POST: the first successful answer (status, {@code Location}, body) is remembered
 * under the key, the user, the method and the path, with the SHA-256 of the request body. A retry with the same
 * key and the same body gets that answer again (marked {@code Idempotency-Replayed: true}) and stores nothing; the
 * same key with another body is a 422. A refused request (4xx) stored nothing and is not remembered: a retry is
 * judged again. While the first request runs, or if it never finished (a crash), a retry is a 409: it may have
 * stored its events, so it is never run a second time.
 * <p>
 * Runs inside the security filter chain, after authorization: the user is known, and a request the user may not
 * make never reaches the store. Not a bean, so the servlet container does not run it a second time.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    static final int MAX_KEY_LENGTH = 200;
    /** Printable ASCII without spaces at either end, as UUIDs and the usual key formats are. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e](?:[\\x20-\\x7e]*[\\x21-\\x7e])?");

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final HttpProblems problems;

    public IdempotencyFilter(IdempotencyStore store, HttpProblems problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the import is not remembered: its body is a stream, and an import into a store that holds events is
        // refused anyway, so a retried import cannot store anything twice
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || RequestBodyLimit.isStreamed(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid input", HEADER
                    + " must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters (a UUID, for instance)");
            return;
        }
        String user = user();
        String path = request.getRequestURI();
        String requestHash = sha256(RequestBodyLimit.bodyOf(request).orElse(new byte[0]));
        String recordKey = sha256((user + '\n' + request.getMethod() + '\n' + path + '\n' + key)
                .getBytes(StandardCharsets.UTF_8));

        for (int attempt = 0; ; attempt++) {
            IdempotencyStore.Entry first = store.find(recordKey).orElse(null);
            if (first != null) {
                answerFromFirst(request, response, first, requestHash);
                return;
            }
            if (store.claim(recordKey, key, user, request.getMethod(), path, requestHash)) {
                break;
            }
            if (attempt >= 2) { // claimed and released again and again: let the client try later
                inProgress(request, response);
                return;
            }
        }

        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, answer);
            int status = answer.getStatus();
            if (status >= 200 && status < 300) {
                byte[] body = answer.getContentAsByteArray();
                store.complete(recordKey, status, answer.getHeader(HttpHeaders.LOCATION), answer.getContentType(),
                        body.length > IdempotencyStore.MAX_BODY_LENGTH ? null
                                : new String(body, StandardCharsets.UTF_8));
                remembered = true;
            } else if (status < 500 || status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                store.release(recordKey); // refused or not run: nothing was stored
                remembered = true;
            }
        } finally {
            if (!remembered) {
                log.warn("The outcome of {} {} with {} {} is unknown; the key stays taken", request.getMethod(), path,
                        HEADER, key);
            }
            answer.copyBodyToResponse();
        }
    }

    private void answerFromFirst(HttpServletRequest request, HttpServletResponse response,
                                 IdempotencyStore.Entry first, String requestHash) throws IOException {
        if (!first.requestHash().equals(requestHash)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                    "this " + HEADER + " was used with another request body; a new request needs a new key");
            return;
        }
        if (!first.finished()) {
            inProgress(request, response);
            return;
        }
        response.setStatus(first.status());
        response.setHeader(REPLAYED, "true");
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.body() != null) {
            byte[] body = first.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    private void inProgress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(request, response, HttpStatus.CONFLICT, "Request in progress",
                "a request with this " + HEADER + " is still running, or did not finish (then whether it was "
                        + "stored is unknown: read the resource before sending it again with a new key)");
    }

    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return RecordingUser.ANONYMOUS;
        }
        return authentication.getName();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
