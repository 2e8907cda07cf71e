package org.casetracker.app.api;

/** One input the client got wrong: where (a JSON path such as {@code effects.motions[0].outcome}) and why. */
public record FieldProblem(String field, String message) {
}
