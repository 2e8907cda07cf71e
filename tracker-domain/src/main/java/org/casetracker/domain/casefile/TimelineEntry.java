package org.casetracker.domain.casefile;

import org.casetracker.domain.shared.Source;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated event of a case: on which legal date, what changed ({@code kind}, the {@code subject} it
 * changed and the new {@code value}), which filing did it, and where that comes from.
 */
public record TimelineEntry(String eventId, long position, LocalDate legalDate, Instant recordedAt, ChangeKind kind,
                            String subject, String value, String byFiling, String summary, Source source) {
}
