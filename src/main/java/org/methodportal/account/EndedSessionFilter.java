package org.methodportal.account;

import java.io.IOException;
import java.util.Optional;

import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import com.vaadin.flow.server.HandlerHelper.RequestType;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.shared.ApplicationConstants;
import com.vaadin.flow.shared.JsonConstants;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Ends a browser session at its next request once its account changed since sign-in (rights,
 * password, disabled; see {@link SecurityStamps}): the HTTP session is invalidated, and a new one
 * carries the reason to the login page. A Vaadin round trip (a click) is answered with Vaadin's
 * instruction to go to the login page; anything else goes on signed out, so a page load lands on
 * the login page and a Vaadin heartbeat reports the session expired (the client then reloads).
 */
final class EndedSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EndedSessionFilter.class);

    private final SecurityStamps stamps;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final SecurityContextLogoutHandler logout = new SecurityContextLogoutHandler();

    EndedSessionFilter(SecurityStamps stamps, CurrentUser currentUser, ApplicationEventPublisher events,
                       SecurityContextHolderStrategy strategy) {
        this.stamps = stamps;
        this.currentUser = currentUser;
        this.events = events;
        logout.setSecurityContextHolderStrategy(strategy);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<PortalUser> user = currentUser.find();
        Optional<SessionEndReason> reason = user.flatMap(stamps::check);
        if (reason.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            logout.logout(request, response, null);
        } catch (IllegalStateException alreadyInvalidated) {
            // A parallel request of the same browser ended the session first; carry on with a new one.
        }
        request.getSession(true).setAttribute(SessionEndReason.SESSION_ATTRIBUTE, reason.get());
        log.info("session of account {} ended: {}", user.get().id(), reason.get());
        events.publishEvent(new SessionEnded(user.get().login(), reason.get()));
        if (RequestType.UIDL.getIdentifier().equals(request.getParameter(ApplicationConstants.REQUEST_TYPE_PARAMETER))) {
            // Caption and message null: the client goes to the address at once instead of showing a notice.
            response.setHeader("Cache-Control", "no-cache, no-store");
            response.setContentType(JsonConstants.JSON_CONTENT_TYPE);
            response.getWriter().write(VaadinService.createCriticalNotificationJSON(null, null, null,
                    request.getContextPath() + "/login"));
            return;
        }
        chain.doFilter(request, response);
    }
}
