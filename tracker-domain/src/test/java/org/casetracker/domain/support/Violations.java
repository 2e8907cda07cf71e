package org.casetracker.domain.support;

import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.DocketRuleViolation.Kind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers on the rule a command broke: its type, its kind and the field at fault. */
public final class Violations {

    private Violations() {
    }

    public static Matcher<Throwable> invalid(String field) {
        return violation(Kind.INVALID, field, null);
    }

    public static Matcher<Throwable> notFound(String field) {
        return violation(Kind.NOT_FOUND, field, null);
    }

    public static Matcher<Throwable> conflict(String field) {
        return violation(Kind.CONFLICT, field, null);
    }

    public static Matcher<Throwable> conflict(String field, String messageFragment) {
        return violation(Kind.CONFLICT, field, messageFragment);
    }

    public static Matcher<Throwable> invalid(String field, String messageFragment) {
        return violation(Kind.INVALID, field, messageFragment);
    }

    /** A DocketRuleViolation of this kind on this field, whose message contains the fragment (if given). */
    public static Matcher<Throwable> violation(Kind kind, String field, String messageFragment) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item, Description mismatch) {
                if (!(item instanceof DocketRuleViolation violation)) {
                    mismatch.appendText("was ").appendValue(item);
                    return false;
                }
                boolean matches = violation.kind() == kind && field.equals(violation.field())
                        && (messageFragment == null || String.valueOf(violation.getMessage()).contains(messageFragment));
                if (!matches) {
                    mismatch.appendText("was " + violation.kind() + " on field '" + violation.field() + "': ")
                            .appendValue(violation.getMessage());
                }
                return matches;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DocketRuleViolation " + kind + " on field '" + field + "'");
                if (messageFragment != null) {
                    description.appendText(" saying ").appendValue(messageFragment);
                }
            }
        };
    }
}
