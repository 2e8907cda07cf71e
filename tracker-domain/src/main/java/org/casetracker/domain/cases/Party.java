package org.casetracker.domain.cases;

import org.casetracker.domain.shared.Lists;

import java.util.List;

/** A party to a case, its role and the counsel who appear for it (names as the record gives them). */
public record Party(String name, PartyRole role, List<String> counsel) {

    public Party {
        counsel = Lists.copyOrEmpty(counsel);
    }
}
