package org.casetracker.app.readcase;

import org.casetracker.app.api.EffectsBody;
import org.casetracker.domain.casefile.CaseFile.Correction;
import org.casetracker.domain.casefile.CaseFile.DocketEntry;
import org.casetracker.domain.filings.FilingType;
import org.casetracker.domain.filings.MotionStatus;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.Source;

import java.time.LocalDate;
import java.util.List;

import static org.casetracker.app.api.Ids.value;

/**
 * One docket entry. {@code status} is a motion's status (null for other entries); {@code corrections}
 * lists the corrections already applied; {@code retracted} entries appear only when asked for.
 */
public record FilingResponse(String id, Integer entryNumber, LocalDate dateFiled, boolean dateFiledEstimated,
                             String filedBy, FilingType type, String title, String description, Integer pageCount,
                             List<String> claimIds, Source source, MotionStatus status, LocalDate decidedOn,
                             String decidedBy, EffectsBody effects, List<Correction> corrections, boolean retracted,
                             String retractionReason) {

    static FilingResponse of(DocketEntry entry) {
        return new FilingResponse(entry.id().value(), entry.entryNumber(), entry.dateFiled(),
                entry.dateFiledEstimated(), entry.filedBy(), entry.type(), entry.title(), entry.description(),
                entry.pageCount(), entry.claimIds().stream().map(ClaimId::value).toList(), entry.source(),
                entry.status(), entry.decidedOn(), value(entry.decidedBy()),
                entry.effects().isEmpty() ? null : EffectsBody.of(entry.effects()), entry.corrections(),
                entry.retracted(), entry.retractionReason());
    }
}
