package org.casetracker.app.recording;

import org.casetracker.app.api.CaseNotFound;
import org.casetracker.domain.shared.CaseId;
import org.casetracker.domain.shared.DocketDirectory;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.casetracker.domain.shared.FilingId;
import org.springframework.stereotype.Component;

/** Resolves a filing named in a path: it must exist, in the case the path names. */
@Component
public class FilingsOfCase {

    private final DocketDirectory directory;

    public FilingsOfCase(DocketDirectory directory) {
        this.directory = directory;
    }

    public FilingId existing(String caseId, String filingId) {
        CaseId theCase = new CaseId(caseId);
        if (directory.caseFiledOn(theCase).isEmpty()) {
            throw new CaseNotFound(caseId);
        }
        FilingId filing = new FilingId(filingId);
        if (!filing.belongsTo(theCase) || !directory.filingExists(filing)) {
            throw DocketRuleViolation.notFound("filingId", "no filing " + filingId + " in case " + caseId);
        }
        return filing;
    }
}
