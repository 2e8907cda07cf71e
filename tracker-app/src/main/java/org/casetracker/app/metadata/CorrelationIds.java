package org.casetracker.app.metadata;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The correlation id of the work on this thread: one per HTTP request (bound by {@link CorrelationIdFilter}) or, for
 * work outside a request, one per write (bound by the docket writer). Every event that work records carries it.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";

    /** What a client may send: 1 to 128 letters, digits and {@code . _ : -}, starting with a letter or digit. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]{0,127}");

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CorrelationIds() {
    }

    /** The id bound to this thread, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The client's id when it is sane, otherwise a new one. */
    public static String fromClient(String header) {
        return header != null && SANE.matcher(header).matches() ? header : newId();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Binds {@code id} to this thread until the scope is closed, which restores what was bound before. */
    public static Scope open(String id) {
        String previous = CURRENT.get();
        CURRENT.set(id);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Runs {@code work} with {@code id} bound to this thread. */
    public static <T> T callWith(String id, Supplier<T> work) {
        try (Scope ignored = open(id)) {
            return work.get();
        }
    }

    /** Runs {@code work} under the id already bound (a request's), or under a new one. */
    public static <T> T callWithCurrentOrNew(Supplier<T> work) {
        String bound = CURRENT.get();
        return bound != null ? work.get() : callWith(newId(), work);
    }

    /** A binding of an id to this thread. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
