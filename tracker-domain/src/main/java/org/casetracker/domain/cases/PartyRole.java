package org.casetracker.domain.cases;

/** The side a party takes in a case. */
public enum PartyRole {
    PLAINTIFF, DEFENDANT, PETITIONER, RESPONDENT, INTERVENOR, AMICUS, THIRD_PARTY_DEFENDANT, OTHER
}
