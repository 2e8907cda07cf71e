package org.casetracker.app.assertclaim;

import org.casetracker.app.api.CaseNotFound;
import org.casetracker.app.api.Created;
import org.casetracker.app.api.Ids;
import org.casetracker.app.api.LegalDates;
import org.casetracker.app.api.Locations;
import org.casetracker.app.concurrency.WriteScope;
import org.casetracker.app.recording.DocketWriter;
import org.casetracker.domain.claims.ClaimCommands.AssertClaim;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.ClaimId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Assert a claim (a count) in a case: its id is {@code {caseId}-count-{count}}. */
@RestController
public class AssertClaimController {

    private final DocketWriter writer;
    private final DocketDirectory directory;
    private final Clock clock;

    public AssertClaimController(DocketWriter writer, DocketDirectory directory, Clock clock) {
        this.writer = writer;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping(path = "/api/cases/{caseId}/claims", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Created> assertClaim(@PathVariable String caseId, @RequestBody AssertClaimRequest body) {
        CaseId id = new CaseId(caseId);
        if (directory.caseFiledOn(id).isEmpty()) {
            throw new CaseNotFound(caseId);
        }
        if (body.count() == null) {
            throw DocketRuleViolation.invalid("count", "is required (the count's number in the pleading)");
        }
        ClaimId claimId = ClaimId.of(id, body.count());
        LegalDates.notInTheFuture("assertedOn", body.assertedOn(), clock);
        writer.write(WriteScope.of(caseId), () -> {
            if (directory.claimExists(claimId)) { // under the case's lock: two assertions of one count, one conflict
                throw DocketRuleViolation.conflict("count", "count " + body.count() + " is already asserted in "
                        + caseId);
            }
            return writer.send(new AssertClaim(claimId, id, body.count(), body.type(), body.title(),
                    body.legalBasis(), Ids.filing(body.assertedIn()), body.assertedOn(), body.source()));
        });
        return Locations.created("/api/cases/" + caseId + "/claims", claimId.value());
    }
}
