package org.casetracker.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses a request body larger than {@code tracker.http.max-body-size} (default 256KB) with 413, before
 * anything else reads it: by its {@code Content-Length} without reading a byte, or (a chunked body) as soon as
 * the limit is passed. A body within the limit is read once into memory and handed on, so later filters (the
 * idempotency check hashes it) and the controllers read the same bytes.
 * <p>
 * Not {@code POST /api/import}: an export of a whole store is as large as the store, and the import reads it as a
 * stream, line by line (only an ADMIN may send one).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimit extends OncePerRequestFilter {

    private static final String BODY = RequestBodyLimit.class.getName() + ".body";
    /** The one path whose body is streamed, not held: the import of an export. */
    public static final String STREAMED = "/api/import";

    private final long maxBytes;
    private final HttpProblems problems;

    public RequestBodyLimit(@Value("${tracker.http.max-body-size:256KB}") DataSize maxBodySize, HttpProblems problems) {
        this.maxBytes = maxBodySize.toBytes();
        this.problems = problems;
    }

    /** The body as read by this filter, if the request had one. */
    public static Optional<byte[]> bodyOf(HttpServletRequest request) {
        return Optional.ofNullable((byte[]) request.getAttribute(BODY));
    }

    /**
     * True for the import of an export, whose body is read as a stream and not limited here. Not the other imports
     * under it ({@code /api/import/courtlistener}): they read their body whole, so the limit applies.
     */
    public static boolean isStreamed(HttpServletRequest request) {
        return request.getRequestURI().equals(STREAMED);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isStreamed(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody || isForm(request)) {
            chain.doFilter(request, response); // forms are parsed by the container, which has its own limit
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        request.setAttribute(BODY, body);
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "a request body may hold at most " + maxBytes + " bytes");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/");
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while (total < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) != -1) {
            out.write(buffer, 0, read);
            total += read;
        }
        return out.toByteArray();
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            try {
                String encoding = getCharacterEncoding();
                if (encoding != null) {
                    charset = Charset.forName(encoding);
                }
            } catch (IllegalArgumentException unknownCharset) {
                // a charset this JVM does not know: read as UTF-8, and let the JSON parser judge the bytes
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
