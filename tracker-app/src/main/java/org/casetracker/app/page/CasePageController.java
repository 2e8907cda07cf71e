package org.casetracker.app.page;

import jakarta.servlet.http.HttpServletResponse;
import org.casetracker.app.api.Created;
import org.casetracker.app.recordfiling.RecordFilingController;
import org.casetracker.app.recordfiling.RecordFilingRequest;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;

/**
 * {@code /cases/{caseId}}: one case as it stood on {@code asOf} as known at {@code knownAt}, and the form a
 * RECORDER records a docket entry with. The form goes through the REST API's own write path (its controller, so
 * the same checks, the same transaction and locks, the same audit metadata); a refusal is shown at its field.
 */
@Controller
@Hidden // HTML for people, not part of the REST API's OpenAPI document
public class CasePageController {

    private final CasePage page;
    private final RecordFilingController recordFiling;
    private final Clock clock;

    public CasePageController(CasePage page, RecordFilingController recordFiling, Clock clock) {
        this.page = page;
        this.recordFiling = recordFiling;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}")
    public String caseFile(@PathVariable String caseId, @RequestParam(required = false) String asOf,
                           @RequestParam(required = false) String knownAt,
                           @RequestParam(required = false) String type, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to, Authentication user, Model model) {
        page.fill(model, caseId, PageCut.of(asOf, knownAt, clock), DocketFilter.of(type, from, to), user);
        return "page/case";
    }

    @PostMapping("/cases/{caseId}/filings")
    public String record(@PathVariable String caseId, @ModelAttribute("form") FilingForm form,
                         Authentication user, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        RecordFilingRequest request = form.toRequest(errors);
        HttpStatus refusal = HttpStatus.BAD_REQUEST;
        if (request != null) {
            try {
                Created created = recordFiling.record(caseId, request).getBody();
                redirect.addFlashAttribute("recorded", created == null ? null : created.id());
                return "redirect:" + UriComponentsBuilder.fromPath("/cases/{caseId}").fragment("docket")
                        .buildAndExpand(caseId).encode().toUriString();
            } catch (RuntimeException failure) {
                DocketRuleViolation violation = PageErrors.violation(failure);
                if (violation == null) {
                    throw failure; // not a refusal of the input (e.g. no such case): the error page says what
                }
                errors.refused(violation);
                refusal = violation.kind() == DocketRuleViolation.Kind.CONFLICT ? HttpStatus.CONFLICT
                        : HttpStatus.BAD_REQUEST;
            }
        }
        model.addAttribute("errors", errors);
        response.setStatus(refusal.value());
        page.fill(model, caseId, PageCut.of(null, null, clock), DocketFilter.NONE, user);
        return "page/case";
    }
}
