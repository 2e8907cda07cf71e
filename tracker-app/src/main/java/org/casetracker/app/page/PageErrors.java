package org.casetracker.app.page;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetracker.app.api.CaseNotFound;
import org.casetracker.app.concurrency.TryAgainLater;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page's refusals as a readable page with the right status (the REST API answers the same refusals as
 * problem+json): a date that cannot be read 400, an unknown case (or one not yet filed on the date asked) 404.
 * Ahead of the API's advice, for the page's controllers only.
 */
@ControllerAdvice(assignableTypes = {CaseListPageController.class, CasePageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(CaseNotFound.class)
    ModelAndView caseNotFound(CaseNotFound notFound, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, "No such case", notFound.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception failure, HttpServletRequest request) {
        DocketRuleViolation violation = violation(failure);
        if (violation != null) {
            HttpStatus status = switch (violation.kind()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
            };
            String detail = violation.field() == null ? violation.getMessage()
                    : violation.field() + ": " + violation.getMessage();
            return page(status, status == HttpStatus.BAD_REQUEST ? "This page cannot be shown" : "Not found", detail,
                    request);
        }
        if (cause(failure, ConcurrencyException.class) != null) {
            return page(HttpStatus.CONFLICT, "The record changed", "someone recorded in this case at the same "
                    + "moment; read the case again and retry", request);
        }
        if (cause(failure, TryAgainLater.class) != null) {
            return page(HttpStatus.SERVICE_UNAVAILABLE, "Busy", "the tracker is busy with other writes to this "
                    + "case; nothing was recorded; try again", request);
        }
        log.error("The page failed unexpectedly", failure);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "The tracker failed", "this is logged", request);
    }

    /** The refusal of the docket's rules in {@code failure} (as thrown, or wrapped by the command bus), or null. */
    static DocketRuleViolation violation(Throwable failure) {
        return cause(failure, DocketRuleViolation.class);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static ModelAndView page(HttpStatus status, String title, String detail, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("page/error", status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("path", request.getRequestURI());
        return page;
    }
}
