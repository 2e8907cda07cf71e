package org.casetracker.app.metadata;

/**
 * Who is recording right now: the one seam through which events learn their {@code user}. Issue #5 (users and
 * roles) replaces the implementation with the authenticated user; nothing else needs to change.
 */
public interface RecordingUser {

    /** The tracker itself, e.g. the record loader at start-up: work outside any HTTP request. */
    String SYSTEM = "system";

    /** An HTTP request without credentials (every request until authentication exists). */
    String ANONYMOUS = "anonymous";

    /** The name to record with the events about to be stored on this thread. */
    String current();
}
