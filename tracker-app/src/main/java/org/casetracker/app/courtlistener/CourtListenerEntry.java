package org.casetracker.app.courtlistener;

import org.casetracker.domain.shared.DocketRuleViolation;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One docket entry of a v4 docket-entries page: {@code entry_number} may be null (unnumbered minute entries),
 * {@code recap_sequence_number} orders and names every entry, {@code recap_documents} holds the entry's own
 * document and its attachments.
 *
 * @param at where it sits in the request, e.g. {@code entries.results[3]}, for the report and refusals
 */
record CourtListenerEntry(String at, Long id, Long entryNumber, String recapSequenceNumber, LocalDate dateFiled,
                          String description, String resourceUri, List<CourtListenerDocument> documents) {

    static CourtListenerEntry read(JsonNode entry, String at) {
        if (!entry.isObject()) {
            throw DocketRuleViolation.invalid(at, "must be a docket entry object");
        }
        List<CourtListenerDocument> documents = new ArrayList<>();
        Json.array(entry, "recap_documents", at + ".recap_documents").ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                documents.add(CourtListenerDocument.read(list.get(i), at + ".recap_documents[" + i + "]"));
            }
        });
        return new CourtListenerEntry(at, Json.whole(entry, "id", at + ".id").orElse(null),
                Json.whole(entry, "entry_number", at + ".entry_number").orElse(null),
                Json.text(entry, "recap_sequence_number", at + ".recap_sequence_number").orElse(null),
                Json.date(entry, "date_filed", at + ".date_filed").orElse(null),
                Json.text(entry, "description", at + ".description").orElse(null),
                Json.text(entry, "resource_uri", at + ".resource_uri").orElse(null), List.copyOf(documents));
    }

    /** The entry's own document: the first that is not an attachment. */
    Optional<CourtListenerDocument> mainDocument() {
        return documents.stream().filter(document -> !document.attachment()).findFirst();
    }

    List<CourtListenerDocument> attachments() {
        return documents.stream().filter(CourtListenerDocument::attachment).toList();
    }
}
