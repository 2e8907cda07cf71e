package org.casetracker.app.recordfiling;

import org.casetracker.app.api.CaseNotFound;
import org.casetracker.app.api.Created;
import org.casetracker.app.api.Ids;
import org.casetracker.app.api.LegalDates;
import org.casetracker.app.api.Locations;
import org.casetracker.app.concurrency.TouchedCases;
import org.casetracker.app.concurrency.WriteScope;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.filings.EffectCommands;
import org.casetracker.domain.filings.FilingCommands.RecordFiling;
import org.casetracker.domain.filings.FilingEffects;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.FilingId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * Record a docket entry and apply its effects as events on the aggregates they concern, all in one
 * transaction: a refused effect refuses the filing, and nothing is stored.
 */
@RestController
public class RecordFilingController {

    private final DocketWriter writer;
    private final DocketDirectory directory;
    private final Clock clock;

    public RecordFilingController(DocketWriter writer, DocketDirectory directory, Clock clock) {
        this.writer = writer;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping(path = "/api/cases/{caseId}/filings", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> record(@PathVariable String caseId, @RequestBody RecordFilingRequest body) {
        FilingId filingId = recordFiling(caseId, null, body);
        return Locations.created("/api/cases/" + caseId + "/filings/" + filingId, filingId.value());
    }

    /**
     * Records an entry under an id its importer chose from the source's own key (e.g. CourtListener's
     * {@code recap_sequence_number} for an unnumbered entry), so that importing it again finds it. The same checks
     * and commands as {@link #record}; an id already on the docket is a conflict.
     */
    public FilingId recordAs(String caseId, FilingId filingId, RecordFilingRequest body) {
        return recordFiling(caseId, filingId, body);
    }

    private FilingId recordFiling(String caseId, FilingId chosenId, RecordFilingRequest body) {
        CaseId id = new CaseId(caseId);
        if (directory.caseFiledOn(id).isEmpty()) {
            throw new CaseNotFound(caseId);
        }
        LegalDates.notInTheFuture("dateFiled", body.dateFiled(), clock);
        FilingEffects effects = body.effects() == null ? FilingEffects.NONE : body.effects().toDomain();
        EffectTargets.requireExisting(effects, directory);
        // the id (and whether the entry number is free) is decided under the locks of the cases written to, so
        // concurrent writers of one case never take the same id
        return writer.write(WriteScope.of(caseId, TouchedCases.of(effects)), () -> {
            FilingId newId = chosenId != null ? chosenId
                    : FilingIds.idFor(id, body.entryNumber(), body.dateFiled(), body.type(), directory);
            boolean mustBeFree = chosenId != null || (body.entryNumber() != null && body.entryNumber() > 0);
            if (mustBeFree && directory.filingExists(newId)) {
                throw DocketRuleViolation.conflict("entryNumber", (body.entryNumber() == null ? newId.value()
                        : "entry " + body.entryNumber()) + " is already on the docket of " + caseId);
            }
            writer.send(new RecordFiling(newId, id, body.entryNumber(), body.dateFiled(),
                    Boolean.TRUE.equals(body.dateFiledEstimated()), body.filedBy(), body.type(), body.title(),
                    body.description(), body.pageCount(), claimIds(body.claimIds()), body.source(), effects));
            writer.sendAll(EffectCommands.toApply(newId, id, body.dateFiled(), body.source(), effects));
            return newId;
        });
    }

    private static List<ClaimId> claimIds(List<String> ids) {
        return ids == null ? null : ids.stream().map(Ids::claim).collect(java.util.stream.Collectors.toList());
    }
}
