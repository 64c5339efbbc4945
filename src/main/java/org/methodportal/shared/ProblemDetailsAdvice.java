package org.methodportal.shared;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures of the REST API into RFC 9457 problem details with a stable {@code type}, a
 * {@code code} extension and a Chinese {@code detail}. No stack trace or SQL ever reaches a body.
 * Not limited to our packages: failures found before any controller is chosen (unknown path, wrong
 * method) have no handler, and a package-limited advice would leave them to the /error page,
 * which the UI chain answers with an empty 403.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** API messages are in Chinese, the portal's working language. */
    static final Locale API_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PortalException.class)
    ResponseEntity<ProblemDetail> portalException(PortalException e) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT, STALE -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        log.debug("request refused: {}", e.code());
        var response = ResponseEntity.status(status);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        ProblemDetail body = problem(status, e.code(), e.messageKey(), e.args());
        e.properties().forEach(body::setProperty);
        return response.body(body);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> accessDenied(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "auth.forbidden", "error.auth.forbidden"));
    }

    /** Every database connection busy past the pool's wait, or a transient failure: try again shortly. */
    @ExceptionHandler({CannotCreateTransactionException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        log.warn("request refused, database busy: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "service.busy", "error.service.busy"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString().substring(0, 8);
        log.error("unexpected error {}", errorId, e);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "error.internal", errorId);
        body.setProperty("errorId", errorId);
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "error.validation");
        body.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
                .map(FieldError::getField).toList());
        return ResponseEntity.unprocessableContent().body(body);
    }

    /**
     * Framework refusals (malformed JSON, unknown path, wrong method, bad parameter) get the same
     * shape as ours: a stable code {@code http.<status>} and a Chinese detail, not Spring's English.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode statusCode,
            org.springframework.web.context.request.WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getProperties() == null) {
            String code = "http." + statusCode.value();
            problem.setType(URI.create("/problems/" + code));
            problem.setTitle(messages.getMessage("error.title." + statusCode.value(), null, problem.getTitle(), API_LOCALE));
            problem.setDetail(messages.getMessage("error." + code, null,
                    messages.getMessage("error.http.other", null, "", API_LOCALE), API_LOCALE));
            problem.setProperty("code", code);
        }
        return response;
    }

    private ProblemDetail problem(HttpStatus status, String code, String messageKey, Object... args) {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(URI.create("/problems/" + code));
        body.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), API_LOCALE));
        body.setDetail(messages.getMessage(messageKey, args, code, API_LOCALE));
        body.setProperty("code", code);
        return body;
    }
}
