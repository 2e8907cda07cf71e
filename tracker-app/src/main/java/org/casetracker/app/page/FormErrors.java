package org.casetracker.app.page;

import org.casetracker.domain.shared.DocketRuleViolation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is wrong with a submitted form, by the form's own field names, so each message is shown at its field. A
 * refusal of the write path names a field of the REST request ({@code source.citation},
 * {@code effects.motions[0].outcome}, {@code claimIds[1]}); it is shown at the control that fed that field.
 */
public final class FormErrors {

    /** Where a message is shown that no one control caused. */
    public static final String FORM = "form";

    /** The form's fields and the labels the summary names them by. */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("entryNumber", "Entry number"),
            Map.entry("dateFiled", "Date filed"), Map.entry("dateFiledEstimated", "Date estimated"),
            Map.entry("filedBy", "Filed by"), Map.entry("type", "Type"), Map.entry("title", "Title"),
            Map.entry("description", "Description"), Map.entry("pageCount", "Pages"), Map.entry("claimIds", "Claims"),
            Map.entry("citation", "Citation"), Map.entry("verification", "Verification"),
            Map.entry("motion", "Motion"), Map.entry("outcome", "Outcome"), Map.entry(FORM, "The filing"));

    private final Map<String, String> messages = new LinkedHashMap<>();

    void add(String field, String message) {
        messages.putIfAbsent(field, message);
    }

    void refused(DocketRuleViolation violation) {
        add(formField(violation.field()), violation.getMessage());
    }

    public boolean any() {
        return !messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String of(String field) {
        return messages.get(field);
    }

    /** Every message in the order found, for the summary at the top of the form. */
    public Map<String, String> all() {
        return Collections.unmodifiableMap(messages);
    }

    public String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    static String formField(String requestField) {
        if (requestField == null) {
            return FORM;
        }
        if (requestField.equals("source") || requestField.startsWith("source.citation")) {
            return "citation";
        }
        if (requestField.startsWith("source.verification")) {
            return "verification";
        }
        if (requestField.startsWith("claimIds")) {
            return "claimIds";
        }
        if (requestField.startsWith("effects.motions")) {
            return requestField.endsWith("outcome") ? "outcome" : "motion";
        }
        if (requestField.equals("filingId")) {
            return "entryNumber";
        }
        return LABELS.containsKey(requestField) ? requestField : FORM;
    }
}
