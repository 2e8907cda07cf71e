package org.casetracker.app.courtlistener;

import org.casetracker.domain.shared.DocketRuleViolation;
import tools.jackson.databind.JsonNode;

/**
 * One RECAP document of a docket entry: the main document ({@code document_type} 1, "PACER Document") or an
 * attachment (2, "Attachment"). {@code document_number} is a string in v4 (blank for minute entries).
 */
record CourtListenerDocument(boolean attachment, String documentNumber, Long attachmentNumber, String description,
                             Long pageCount, Boolean available, String absoluteUrl) {

    static CourtListenerDocument read(JsonNode document, String at) {
        if (!document.isObject()) {
            throw DocketRuleViolation.invalid(at, "must be an object");
        }
        return new CourtListenerDocument(attachment(document, at + ".document_type"),
                Json.numberOrText(document, "document_number", at + ".document_number").orElse(null),
                Json.whole(document, "attachment_number", at + ".attachment_number").orElse(null),
                Json.text(document, "description", at + ".description").orElse(null),
                Json.whole(document, "page_count", at + ".page_count").orElse(null),
                Json.flag(document, "is_available", at + ".is_available").orElse(null),
                Json.text(document, "absolute_url", at + ".absolute_url").orElse(null));
    }

    /** 2 (or "Attachment") is an attachment; 1, "PACER Document" or no type is the entry's own document. */
    private static boolean attachment(JsonNode document, String at) {
        JsonNode type = document.get("document_type");
        if (type == null || type.isNull()) {
            return false;
        }
        if (type.isIntegralNumber() && (type.intValue() == 1 || type.intValue() == 2)) {
            return type.intValue() == 2;
        }
        if (type.isString() && (type.asString().equalsIgnoreCase("attachment")
                || type.asString().equalsIgnoreCase("pacer document"))) {
            return type.asString().equalsIgnoreCase("attachment");
        }
        throw DocketRuleViolation.invalid(at, "must be 1 (PACER Document) or 2 (Attachment)");
    }
}
