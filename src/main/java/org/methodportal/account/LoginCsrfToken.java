package org.methodportal.account;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Puts the CSRF token into every page as the {@code _csrf} and {@code _csrf_parameter} meta tags,
 * which Vaadin's login form sends along with the name and password: the sign-in form is protected
 * against cross-site requests like every other form post (Vaadin's own requests carry its token).
 */
@Component
class LoginCsrfToken implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            if (page.getVaadinRequest().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                var head = page.getDocument().head();
                head.appendElement("meta").attr("name", "_csrf_parameter").attr("content", token.getParameterName());
                head.appendElement("meta").attr("name", "_csrf").attr("content", token.getToken());
            }
        });
    }
}
