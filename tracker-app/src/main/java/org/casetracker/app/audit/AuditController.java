package org.casetracker.app.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit/verify}: recompute the hash chain over the whole store and compare it with the stored one. */
@RestController
public class AuditController {

    private final ChainVerification verification;

    public AuditController(ChainVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/audit/verify")
    public VerifyReport verify() {
        return verification.verify();
    }
}
