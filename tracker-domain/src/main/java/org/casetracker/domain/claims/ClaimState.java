package org.casetracker.domain.claims;

import org.casetracker.domain.claims.ClaimEvent.ClaimAsserted;
import org.casetracker.domain.claims.ClaimEvent.ClaimDisposed;
import org.casetracker.domain.claims.ClaimEvent.ClaimEffectsRetracted;
import org.casetracker.domain.claims.ClaimEvent.FindingRecorded;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.FilingId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the Claim aggregate needs to decide: its case, the findings and the disposition, each with its filing. */
public record ClaimState(CaseId caseId, LocalDate assertedOn, List<Made> findings, List<Made> dispositions) {

    /** A finding or a disposition, with the filing that made it. */
    public record Made(FilingId byFiling, String value, LocalDate on) {
    }

    public static final ClaimState NONE = new ClaimState(null, null, List.of(), List.of());

    public static ClaimState evolve(ClaimState state, ClaimEvent event) {
        if (event instanceof ClaimAsserted asserted) {
            return new ClaimState(asserted.caseId(), asserted.assertedOn(), List.of(), List.of());
        }
        if (event instanceof FindingRecorded found) {
            return new ClaimState(state.caseId, state.assertedOn,
                    append(state.findings, new Made(found.byFiling(), found.finding().name(), found.foundOn())),
                    state.dispositions);
        }
        if (event instanceof ClaimDisposed disposed) {
            return new ClaimState(state.caseId, state.assertedOn, state.findings,
                    append(state.dispositions, new Made(disposed.byFiling(), disposed.disposition().name(),
                            disposed.disposedOn())));
        }
        if (event instanceof ClaimEffectsRetracted retracted) {
            FilingId filing = retracted.byFiling();
            return new ClaimState(state.caseId, state.assertedOn,
                    state.findings.stream().filter(m -> !filing.equals(m.byFiling())).toList(),
                    state.dispositions.stream().filter(m -> !filing.equals(m.byFiling())).toList());
        }
        throw new IllegalStateException("unhandled claim event " + event.getClass().getSimpleName());
    }

    private static List<Made> append(List<Made> list, Made made) {
        List<Made> copy = new ArrayList<>(list);
        copy.add(made);
        return List.copyOf(copy);
    }

    public Optional<Made> disposition() {
        return dispositions.stream().reduce((first, second) -> second);
    }

    public boolean hasEffectsOf(FilingId filing) {
        return findings.stream().anyMatch(m -> filing.equals(m.byFiling()))
                || dispositions.stream().anyMatch(m -> filing.equals(m.byFiling()));
    }
}
