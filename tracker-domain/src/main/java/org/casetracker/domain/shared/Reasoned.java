package org.casetracker.domain.shared;

/** An event that fixes the record (a correction or retraction): it must say why. */
public interface Reasoned {

    String reason();
}
