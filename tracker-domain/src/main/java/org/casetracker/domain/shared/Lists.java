package org.casetracker.domain.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies of lists from commands, which may hold nulls for the rules to refuse by index. */
public final class Lists {

    private Lists() {
    }

    public static <T> List<T> copyOrEmpty(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
