package org.methodportal.account;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API's authentication failures as problem details, as the rest of the API does. */
final class ApiProblemWriter {

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblemWriter(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    void unauthorized(HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds(Instant.now())));
            write(response, HttpStatus.TOO_MANY_REQUESTS, "auth.throttled");
        } else if (e instanceof MfaRequiredException) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"method-portal\"");
            write(response, HttpStatus.UNAUTHORIZED, "auth.mfa-required");
        } else {
            response.setHeader("WWW-Authenticate", "Basic realm=\"method-portal\"");
            write(response, HttpStatus.UNAUTHORIZED, "auth.unauthorized");
        }
    }

    void write(HttpServletResponse response, HttpStatus status, String code) throws IOException {
        ProblemDetail body = ProblemDetail.forStatus(status);
        body.setType(URI.create("/problems/" + code));
        body.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(),
                Locale.SIMPLIFIED_CHINESE));
        body.setDetail(messages.getMessage("error." + code, null, code, Locale.SIMPLIFIED_CHINESE));
        body.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
