package org.casetracker.app.page;

import org.casetracker.domain.shared.DocketRuleViolation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What is wrong with a submitted form, by the form's own field names, so each message is shown at its field. A
 * refusal of the write path names a field of the REST request ({@code source.citation},
 * {@code effects.motions[0].outcome}, {@code claimIds[1]}); it is shown at the control that fed that field.
 */
public final class FormErrors {

    /** Where a message is shown that no one control caused. */
    public static final String FORM = "form";

    private static final Set<String> FIELDS = Set.of("entryNumber", "dateFiled", "dateFiledEstimated", "filedBy",
            "type", "title", "description", "pageCount", "claimIds", "citation", "verification", "motion", "outcome");

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
        return FIELDS.contains(requestField) ? requestField : FORM;
    }
}
