package org.casetracker.app.concurrency;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cases one write changes: the case it is addressed to ({@code primary}, whose {@code ETag} an
 * {@code If-Match} names) and any other case its effects reach (a case closed, reopened or linked by an order). A
 * write holds the lock of every one of them from before its checks until it commits.
 *
 * @param checkIfMatch whether the request's {@code If-Match} is evaluated against the primary case (not when the
 *                     write creates the case: there is no version yet, and opening a case twice is a 409 anyway)
 */
public record WriteScope(String primary, Set<String> cases, boolean checkIfMatch) {

    public WriteScope {
        Objects.requireNonNull(primary, "primary");
        TreeSet<String> all = new TreeSet<>(cases);
        all.add(primary);
        cases = java.util.Collections.unmodifiableSet(all); // sorted: every writer locks in the same order
    }

    /** A write to an existing case and, possibly, to others. */
    public static WriteScope of(String caseId, Collection<String> others) {
        return new WriteScope(caseId, Set.copyOf(others.stream().filter(Objects::nonNull).toList()), true);
    }

    public static WriteScope of(String caseId, String... others) {
        return of(caseId, Arrays.asList(others));
    }

    /** The write that opens a case. */
    public static WriteScope opening(String caseId) {
        return new WriteScope(caseId, Set.of(), false);
    }
}
