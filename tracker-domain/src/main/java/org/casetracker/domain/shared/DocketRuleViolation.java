package org.casetracker.domain.shared;

/**
 * A command broke a rule of the docket: a business rule, not a programming error.
 * {@code field} names the input at fault; {@code kind} says whether the input itself is wrong,
 * names something that does not exist, or conflicts with what the record already holds.
 */
public class DocketRuleViolation extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String field;

    public DocketRuleViolation(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static DocketRuleViolation invalid(String field, String message) {
        return new DocketRuleViolation(Kind.INVALID, field, message);
    }

    public static DocketRuleViolation notFound(String field, String message) {
        return new DocketRuleViolation(Kind.NOT_FOUND, field, message);
    }

    public static DocketRuleViolation conflict(String field, String message) {
        return new DocketRuleViolation(Kind.CONFLICT, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
