package org.casetracker.app.history;

import jakarta.persistence.criteria.Predicate;
import org.casetracker.app.casefile.CaseEventRow;
import org.casetracker.domain.cases.CaseEvent;
import org.casetracker.domain.claims.ClaimEvent;
import org.casetracker.domain.filings.FilingEvent;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.data.jpa.domain.Specification;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The filters of a case's history, checked: {@code eventType} (one of the event types), {@code user},
 * {@code correlationId}, and the recorded time between {@code recordedFrom} and {@code recordedTo} (instants, both
 * inclusive). A filter that cannot be read is a 400 naming it.
 */
record HistoryFilter(String caseId, String eventType, String user, String correlationId, Instant recordedFrom,
                     Instant recordedTo) {

    static final int MAX_TEXT = 200;

    /** The simple names of every event type, e.g. {@code FilingCorrected}. */
    static final Set<String> EVENT_TYPES = eventTypes();

    static HistoryFilter of(String caseId, String eventType, String user, String correlationId, String recordedFrom,
                            String recordedTo) {
        if (eventType != null && !EVENT_TYPES.contains(eventType)) {
            throw DocketRuleViolation.invalid("eventType", "must be one of " + EVENT_TYPES);
        }
        Instant from = instant("recordedFrom", recordedFrom);
        Instant to = instant("recordedTo", recordedTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw DocketRuleViolation.invalid("recordedTo", "is before recordedFrom");
        }
        return new HistoryFilter(caseId, eventType, text("user", user), text("correlationId", correlationId), from, to);
    }

    Specification<CaseEventRow> specification() {
        return (root, query, builder) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(builder.equal(root.get("caseId"), caseId));
            if (eventType != null) {
                all.add(builder.equal(root.get("eventType"), eventType));
            }
            if (user != null) {
                all.add(builder.equal(root.get("recordedBy"), user));
            }
            if (correlationId != null) {
                all.add(builder.equal(root.get("correlationId"), correlationId));
            }
            if (recordedFrom != null) {
                all.add(builder.greaterThanOrEqualTo(root.<Instant>get("recordedAt"), recordedFrom));
            }
            if (recordedTo != null) {
                all.add(builder.lessThanOrEqualTo(root.<Instant>get("recordedAt"), recordedTo));
            }
            return builder.and(all.toArray(Predicate[]::new));
        };
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DocketRuleViolation.invalid(name, "cannot read '" + value
                    + "': expected an instant such as 2021-01-21T18:00:00Z");
        }
    }

    private static String text(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw DocketRuleViolation.invalid(name, "must hold 1 to " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static Set<String> eventTypes() {
        Set<String> names = new TreeSet<>();
        Stream.of(CaseEvent.class, ClaimEvent.class, FilingEvent.class)
                .flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()))
                .forEach(type -> names.add(type.getSimpleName()));
        return Set.copyOf(names);
    }
}
