package org.methodportal.account;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * First in the API's chain: when the database cannot take the request (every connection busy past
 * the pool's wait, a transient failure), the caller gets 503 with a problem body and a Retry-After,
 * as from the controllers. Without it a failure inside an authentication filter (the token lookup
 * reads the database) fell through to the servlet container's error page, which the browser chain
 * answered with a redirect to the login page.
 */
class ApiBusyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiBusyFilter.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final ApiProblemWriter problems;

    ApiBusyFilter(ApiProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (CannotCreateTransactionException | TransientDataAccessException e) {
            log.warn("{} {} refused, database busy: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "service.busy");
        }
    }
}
