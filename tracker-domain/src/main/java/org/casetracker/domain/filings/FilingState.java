package org.casetracker.domain.filings;

import org.casetracker.domain.filings.FilingEvent.FilingCorrected;
import org.casetracker.domain.filings.FilingEvent.FilingRecorded;
import org.casetracker.domain.filings.FilingEvent.FilingRetracted;
import org.casetracker.domain.filings.FilingEvent.MotionDecided;
import org.casetracker.domain.filings.FilingEvent.MotionRulingRetracted;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.FilingId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the Filing aggregate needs to decide, rebuilt by one pure fold. */
public record FilingState(CaseId caseId, FilingType type, LocalDate dateFiled, List<Ruling> rulings,
                          FilingEffects effects, boolean retracted) {

    /** A decision on this motion, with the filing that made it. */
    public record Ruling(FilingId byFiling, MotionStatus outcome, LocalDate on) {
    }

    public static final FilingState NONE = new FilingState(null, null, null, List.of(), FilingEffects.NONE, false);

    public static FilingState evolve(FilingState state, FilingEvent event) {
        if (event instanceof FilingRecorded recorded) {
            return new FilingState(recorded.caseId(), recorded.type(), recorded.dateFiled(), List.of(),
                    recorded.effects(), false);
        }
        if (event instanceof MotionDecided decided) {
            List<Ruling> rulings = new ArrayList<>(state.rulings);
            rulings.add(new Ruling(decided.byFiling(), decided.outcome(), decided.decidedOn()));
            return state.with(List.copyOf(rulings), state.type, state.dateFiled, state.retracted);
        }
        if (event instanceof MotionRulingRetracted undone) {
            return state.with(state.rulings.stream().filter(r -> !r.byFiling().equals(undone.byFiling())).toList(),
                    state.type, state.dateFiled, state.retracted);
        }
        if (event instanceof FilingCorrected corrected) {
            FilingChanges changes = corrected.changes();
            return state.with(state.rulings, changes.type() != null ? changes.type() : state.type,
                    corrected.dateFiledAfter(), state.retracted);
        }
        if (event instanceof FilingRetracted) {
            return state.with(state.rulings, state.type, state.dateFiled, true);
        }
        throw new IllegalStateException("unhandled filing event " + event.getClass().getSimpleName());
    }

    private FilingState with(List<Ruling> rulings, FilingType type, LocalDate dateFiled, boolean retracted) {
        return new FilingState(caseId, type, dateFiled, rulings, effects, retracted);
    }

    /** The ruling in force; a motion without one is PENDING. */
    public Optional<Ruling> ruling() {
        return rulings.stream().reduce((first, second) -> second);
    }

    public MotionStatus motionStatus() {
        return ruling().map(Ruling::outcome).orElse(MotionStatus.PENDING);
    }

    public boolean hasRulingBy(FilingId filing) {
        return rulings.stream().anyMatch(r -> r.byFiling().equals(filing));
    }
}
