package org.casetracker.app.infrastructure;

import java.time.LocalDate;

/** A resource the test aggregate's command handler gets from Spring: an interface with exactly one bean. */
public interface MatterClock {

    LocalDate today();
}
