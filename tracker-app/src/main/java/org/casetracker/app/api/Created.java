package org.casetracker.app.api;

/** The answer to a write: the id of what was created or changed. */
public record Created(String id) {
}
