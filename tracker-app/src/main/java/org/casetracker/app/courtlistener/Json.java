package org.casetracker.app.courtlistener;

import org.casetracker.domain.shared.DocketRuleViolation;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the fields of a CourtListener object strictly: a field of the wrong type is refused with its path
 * ({@code entries.results[3].entry_number}); absent and {@code null} are the same (CourtListener sends both).
 */
final class Json {

    private Json() {
    }

    static JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull() || !node.isObject()) {
            throw DocketRuleViolation.invalid(path, "must be an object");
        }
        return node;
    }

    static Optional<JsonNode> array(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw DocketRuleViolation.invalid(path, "must be a list");
        }
        return Optional.of(node);
    }

    /** A string field; blank counts as absent (CourtListener leaves many fields as ""). */
    static Optional<String> text(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw DocketRuleViolation.invalid(path, "must be a string");
        }
        String value = node.asString().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static String requiredText(JsonNode parent, String name, String path) {
        return text(parent, name, path).orElseThrow(() -> DocketRuleViolation.invalid(path, "is required"));
    }

    /** A whole number; CourtListener's numbers are never sent as strings, so a string here is refused. */
    static Optional<Long> whole(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw DocketRuleViolation.invalid(path, "must be a whole number");
        }
        return Optional.of(node.longValue());
    }

    /** A number or a string, kept as written: RECAP's {@code document_number} is a string, older data a number. */
    static Optional<String> numberOrText(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node != null && node.isIntegralNumber()) {
            return Optional.of(node.asString());
        }
        return text(parent, name, path);
    }

    static Optional<LocalDate> date(JsonNode parent, String name, String path) {
        Optional<String> text = text(parent, name, path);
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw DocketRuleViolation.invalid(path, "must be a real date written 2021-01-21");
        }
    }

    static Optional<Boolean> flag(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw DocketRuleViolation.invalid(path, "must be true or false");
        }
        return Optional.of(node.booleanValue());
    }
}
