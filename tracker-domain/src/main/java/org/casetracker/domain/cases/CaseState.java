package org.casetracker.domain.cases;

import org.casetracker.domain.cases.CaseEvent.CaseClosed;
import org.casetracker.domain.cases.CaseEvent.CaseEffectsRetracted;
import org.casetracker.domain.cases.CaseEvent.CaseLinked;
import org.casetracker.domain.cases.CaseEvent.CaseOpened;
import org.casetracker.domain.cases.CaseEvent.CaseReopened;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.FilingId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the Case aggregate needs to decide, rebuilt by one pure fold. Status changes and links are kept
 * with the filing that made them, so that retracting a filing undoes exactly its effects; the current
 * status is the latest change in legal order (ties in the order they were recorded).
 */
public record CaseState(CaseId caseId, LocalDate filedOn, List<StatusChange> statusChanges, List<Linked> links) {

    /** A close or reopen, made by a filing on a legal date. */
    public record StatusChange(FilingId byFiling, CaseStatus status, Disposition disposition, LocalDate on) {
    }

    public record Linked(FilingId byFiling, CaseLink link) {
    }

    public static final CaseState NONE = new CaseState(null, null, List.of(), List.of());

    public static CaseState evolve(CaseState state, CaseEvent event) {
        if (event instanceof CaseOpened opened) {
            return new CaseState(opened.caseId(), opened.filedOn(), List.of(), List.of());
        }
        if (event instanceof CaseClosed closed) {
            return state.withChange(new StatusChange(closed.byFiling(), CaseStatus.CLOSED, closed.disposition(),
                    closed.closedOn()));
        }
        if (event instanceof CaseReopened reopened) {
            return state.withChange(new StatusChange(reopened.byFiling(), CaseStatus.OPEN, null,
                    reopened.reopenedOn()));
        }
        if (event instanceof CaseLinked linked) {
            List<Linked> links = new ArrayList<>(state.links);
            links.add(new Linked(linked.byFiling(), new CaseLink(linked.relation(), linked.otherCaseId())));
            return new CaseState(state.caseId, state.filedOn, state.statusChanges, List.copyOf(links));
        }
        if (event instanceof CaseEffectsRetracted retracted) {
            FilingId filing = retracted.byFiling();
            return new CaseState(state.caseId, state.filedOn,
                    state.statusChanges.stream().filter(c -> !filing.equals(c.byFiling())).toList(),
                    state.links.stream().filter(l -> !filing.equals(l.byFiling())).toList());
        }
        throw new IllegalStateException("unhandled case event " + event.getClass().getSimpleName());
    }

    private CaseState withChange(StatusChange change) {
        List<StatusChange> changes = new ArrayList<>(statusChanges);
        changes.add(change);
        return new CaseState(caseId, filedOn, List.copyOf(changes), links);
    }

    /** The change in force: the latest by legal date; a stable sort keeps recorded order among equal dates. */
    public Optional<StatusChange> latestChange() {
        return statusChanges.stream().max(Comparator.comparing(StatusChange::on)
                .thenComparing(statusChanges::indexOf));
    }

    public CaseStatus status() {
        return latestChange().map(StatusChange::status).orElse(CaseStatus.OPEN);
    }

    public Disposition disposition() {
        return latestChange().map(StatusChange::disposition).orElse(null);
    }

    public boolean hasLink(CaseLink link) {
        return links.stream().anyMatch(l -> l.link().equals(link));
    }

    public boolean hasRelation(Relation relation) {
        return links.stream().anyMatch(l -> l.link().relation() == relation);
    }

    public boolean isLinkedTo(CaseId other) {
        return links.stream().anyMatch(l -> l.link().otherCaseId().equals(other));
    }

    public boolean hasEffectsOf(FilingId filing) {
        return statusChanges.stream().anyMatch(c -> filing.equals(c.byFiling()))
                || links.stream().anyMatch(l -> filing.equals(l.byFiling()));
    }
}
