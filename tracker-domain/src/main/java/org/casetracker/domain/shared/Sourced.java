package org.casetracker.domain.shared;

/** An event that records a fact, with where the fact came from (null only where a correction keeps the old source). */
public interface Sourced {

    Source source();
}
