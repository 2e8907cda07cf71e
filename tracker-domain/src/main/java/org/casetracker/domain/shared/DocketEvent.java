package org.casetracker.domain.shared;

import java.time.LocalDate;

/**
 * Every event of the tracker: it belongs to one case and takes effect on one legal date
 * (the day it happened in the case, in the court's calendar). The recorded time, when the tracker
 * learned of it, is Axon's event timestamp and never part of the payload: the two clocks stay apart.
 */
public interface DocketEvent {

    CaseId caseId();

    LocalDate legalDate();
}
