package org.methodportal.account;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}; others go on to HTTP
 * Basic. A token without the write scope may only read; no token may manage tokens.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    static final String TOKEN_PATHS = "/api/v1/me/tokens";
    private static final String BEARER = "Bearer ";
    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokenService tokens;
    private final SecurityContextHolderStrategy strategy;
    private final ApiProblemWriter problems;

    ApiTokenFilter(ApiTokenService tokens, SecurityContextHolderStrategy strategy, ApiProblemWriter problems) {
        this.tokens = tokens;
        this.strategy = strategy;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TokenPrincipal> principal = tokens.authenticate(header.substring(BEARER.length()).strip(),
                request.getRemoteAddr());
        if (principal.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "auth.token-invalid");
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + TOKEN_PATHS)) {
            problems.write(response, HttpStatus.FORBIDDEN, "token.manage-with-password");
            return;
        }
        if (!READING.contains(request.getMethod()) && !principal.get().mayWrite()) {
            problems.write(response, HttpStatus.FORBIDDEN, "auth.token-scope");
            return;
        }
        var user = principal.get().user();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authentication.setDetails(principal.get());
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            strategy.clearContext();
        }
    }
}
