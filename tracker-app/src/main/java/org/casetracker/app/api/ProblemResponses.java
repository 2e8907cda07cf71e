package org.casetracker.app.api;

import org.axonframework.common.AxonException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.casetracker.app.concurrency.PreconditionFailed;
import org.casetracker.app.concurrency.TryAgainLater;
import org.casetracker.domain.shared.DocketRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457): status, title, detail and, for bad
 * input, the fields at fault. Nothing a client sends gives a 500.
 */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(DocketRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(DocketRuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        String title = switch (violation.kind()) {
            case INVALID -> "Invalid input";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflicts with the record";
        };
        return problem(status, title, violation.getMessage(),
                List.of(new FieldProblem(violation.field(), violation.getMessage())));
    }

    @ExceptionHandler(CaseNotFound.class)
    ResponseEntity<ProblemDetail> caseNotFound(CaseNotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, "Not found", notFound.getMessage(), List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no such entry: " + notFound.getAggregateIdentifier(),
                List.of());
    }

    /** Two writers to one aggregate at once, or an id recorded twice: the later one is refused. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrency(AxonException conflict) {
        return problem(HttpStatus.CONFLICT, "Conflicts with the record",
                "the record changed under this request (or the entry already exists); read it again and retry",
                List.of());
    }

    /** A write's {@code If-Match} names a version of the case that is no longer current: nothing was stored. */
    @ExceptionHandler(PreconditionFailed.class)
    ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailed failed) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed",
                failed.getMessage(), List.of(new FieldProblem("If-Match", "is not the case's current ETag")));
        if (failed.currentETag() == null) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.ETAG, failed.currentETag()).body(answer.getBody());
    }

    /** The write could not be done now (busy locks, projections far behind); nothing was stored. */
    @ExceptionHandler(TryAgainLater.class)
    ResponseEntity<ProblemDetail> tryAgainLater(RuntimeException busy) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again",
                busy instanceof TryAgainLater ? busy.getMessage()
                        : "the tracker is busy with other writes to this case; try again", List.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(answer.getBody());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        StreamConstraintsException limit = findCause(unreadable, StreamConstraintsException.class);
        if (limit != null) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "the request body passes a limit of this tracker's JSON reader (nesting depth, length of a "
                            + "string, a number or a name)", List.of());
        }
        JacksonException json = findCause(unreadable, JacksonException.class);
        if (json != null && !json.getPath().isEmpty()) {
            String field = jsonPath(json.getPath());
            String message = whatWasExpected(json);
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", field + ": " + message,
                    List.of(new FieldProblem(field, message)));
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "the request body is not valid JSON for this request",
                List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException mismatch) {
        Class<?> type = mismatch.getRequiredType();
        String message = type != null && type.isEnum()
                ? "cannot read '" + mismatch.getValue() + "': must be one of " + Arrays.toString(type.getEnumConstants())
                : "cannot read '" + mismatch.getValue() + "'" + expected(mismatch.getName());
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", message,
                List.of(new FieldProblem(mismatch.getName(), message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException missing) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", missing.getParameterName() + " is required",
                List.of(new FieldProblem(missing.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException unsupported) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "send " + MediaType.APPLICATION_JSON_VALUE, List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException notAcceptable) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "this resource is served as application/json (the docket also as text/csv, the timeline also as "
                        + "text/calendar)",
                List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException notSupported) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", notSupported.getMessage(), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no such resource: /" + notFound.getResourcePath(),
                List.of());
    }

    /** The last resort: a fault of ours, logged with its cause; the client learns nothing internal. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        DocketRuleViolation violation = findCause(failure, DocketRuleViolation.class);
        if (violation != null) {
            return ruleViolation(violation);
        }
        ConcurrencyException conflict = findCause(failure, ConcurrencyException.class);
        if (conflict != null) {
            return concurrency(conflict);
        }
        AggregateStreamCreationException duplicate = findCause(failure, AggregateStreamCreationException.class);
        if (duplicate != null) {
            return concurrency(duplicate);
        }
        PreconditionFailed precondition = findCause(failure, PreconditionFailed.class);
        if (precondition != null) {
            return preconditionFailed(precondition);
        }
        TryAgainLater busy = findCause(failure, TryAgainLater.class);
        if (busy != null) {
            return tryAgainLater(busy);
        }
        if (findCause(failure, TransientDataAccessException.class) != null
                || findCause(failure, SQLTransientException.class) != null) {
            log.warn("A write could not get its locks in time", failure);
            return tryAgainLater(new TryAgainLater("the tracker is busy with other writes to this case; try again"));
        }
        log.error("Request failed unexpectedly", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the tracker failed; this is logged",
                List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                 List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expected(String parameter) {
        return switch (parameter) {
            case "asOf", "from", "to" -> ": expected a date such as 2021-01-21";
            case "knownAt" -> ": expected an instant such as 2021-01-21T18:00:00Z";
            default -> "";
        };
    }

    /** Says what the field takes, without the Java type names Jackson would print. */
    private static String whatWasExpected(JacksonException json) {
        if (json instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == LocalDate.class) {
                return "must be a real date written 2021-01-21";
            }
            if (target == Instant.class) {
                return "must be an instant written 2021-01-21T18:00:00Z";
            }
            if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
                return "must be a whole number";
            }
            if (target == String.class) {
                return "must be a string";
            }
            if (Collection.class.isAssignableFrom(target)) {
                return "must be a list";
            }
            if (target == boolean.class || target == Boolean.class) {
                return "must be true or false";
            }
            return "must be an object of the documented shape";
        }
        return "has the wrong type or format";
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
