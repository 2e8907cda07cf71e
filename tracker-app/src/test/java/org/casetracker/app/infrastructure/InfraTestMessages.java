package org.casetracker.app.infrastructure;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Commands and events of the test-only aggregate; shaped like tracker-domain's records. */
final class InfraTestMessages {

    private InfraTestMessages() {
    }

    enum Kind { CIVIL, CRIMINAL }

    record Party(String name, Kind kind, LocalDate joinedOn) {
    }

    record OpenMatter(@TargetAggregateIdentifier String id, LocalDate filedOn, Kind kind, List<Party> parties,
                      Integer claimCount) {
    }

    record NoteMatter(@TargetAggregateIdentifier String id, String note) {
    }

    /** Carries {@code stampedOn} from an injected {@link MatterClock} bean. */
    record MatterOpened(String id, LocalDate filedOn, Instant at, Kind kind, List<Party> parties, Integer claimCount,
                        LocalDate stampedOn) {
    }

    record MatterNoted(String id, String note) {
    }
}
