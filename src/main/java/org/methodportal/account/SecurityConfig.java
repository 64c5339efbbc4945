package org.methodportal.account;


import org.aopalliance.intercept.MethodInterceptor;
import org.methodportal.account.ui.LoginView;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.SignInSetup;
import org.methodportal.ui.ForbiddenView;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: API tokens or HTTP Basic without a session for {@code /api/**}, and Vaadin's form login with
 * a session cookie for the UI. Both authenticate through {@link PortalAuthenticationProvider}, so
 * throttling and auditing apply to both. Access rules are enforced again in the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /** Set while a {@link SignInSetup} call runs on this thread. */
    private static final ThreadLocal<Boolean> SETTING_UP = ThreadLocal.withInitial(() -> false);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one way to sign in; not a bean of its own, so Spring Security builds no second manager. */
    @Bean
    AuthenticationManager authenticationManager(PortalUserDetailsService users, PasswordEncoder encoder,
                                                SignInThrottle throttle, ApplicationEventPublisher events) {
        return new ProviderManager(new PortalAuthenticationProvider(users, encoder, throttle, events));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                 MessageSource messages, JsonMapper json, ApiTokenService tokens, MfaService mfa,
                                 AccountService accounts,
                                 ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
        var problems = new ApiProblemWriter(messages, json);
        // HTTP Basic carries only the password: an account with a second factor uses an API token.
        AuthenticationManager passwordOnly = authentication -> {
            Authentication result = authenticationManager.authenticate(authentication);
            if (result.getPrincipal() instanceof PortalUser user && mfa.isEnrolled(user.id())) {
                throw new MfaRequiredException();
            }
            accounts.signedIn(result.getName(), PortalAuthenticationProvider.clientAddress(authentication));
            return result;
        };
        http.securityMatcher("/api/**")
                .authenticationManager(passwordOnly)
                .addFilterBefore(new ApiBusyFilter(problems), SecurityContextHolderFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens,
                        strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), problems),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problems.unauthorized(response, e)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> problems.unauthorized(response, e))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, HttpStatus.FORBIDDEN, "auth.forbidden")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic authentication: no cookie, so no cross-site request forgery to defend against.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Each service call checks the caller's session too, not only each request: a principal whose
     * account changed since sign-in is refused, whatever path its call took (see {@link SecurityStamps});
     * so is one whose user must first change the password or set up a second factor, except for the
     * calls that doing so needs ({@link SignInSetup}). Runs before the method security and transaction
     * interceptors.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor sessionCheck(ObjectProvider<SecurityStamps> stamps, ObjectProvider<CurrentUser> currentUser) {
        MethodInterceptor check = invocation -> {
            PortalUser user = currentUser.getObject().find().orElse(null);
            if (user != null) {
                if (stamps.getObject().check(user).isPresent()) {
                    throw PortalException.forbidden("auth.session-ended");
                }
                if (!user.obligations().isEmpty() && !SETTING_UP.get()) {
                    if (!invocation.getMethod().isAnnotationPresent(SignInSetup.class)) {
                        throw PortalException.forbidden("auth.sign-in-setup-unfinished");
                    }
                    // what an allowed call needs of other services (the audit trail, say) is allowed with it
                    SETTING_UP.set(true);
                    try {
                        return invocation.proceed();
                    } finally {
                        SETTING_UP.remove();
                    }
                }
            }
            return invocation.proceed();
        };
        var advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(Service.class, true), check);
        advisor.setOrder(AuthorizationInterceptorsOrder.FIRST.getOrder());
        return advisor;
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, AuthenticationManager authenticationManager, SecurityStamps stamps,
                                CurrentUser currentUser, ApplicationEventPublisher events,
                                ObjectProvider<SecurityContextHolderStrategy> strategy, RequestUtil vaadinRequests,
                                AccountProperties properties, MfaService mfa, MfaSignIn mfaSignIn,
                                AccountService accounts) throws Exception {
        String[] open = properties.publicApiDocs()
                ? new String[] {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/swagger-ui.html", "/swagger-ui/**", "/styles.css", "/images/**"}
                : new String[] {"/actuator/health", "/actuator/health/**", "/styles.css", "/images/**"};
        // A right password for an account with a second factor signs in no one yet: the login view
        // sends such a refusal on to the code page.
        AuthenticationManager passwordThenCode = authentication -> {
            Authentication result = authenticationManager.authenticate(authentication);
            if (result.getPrincipal() instanceof PortalUser user && mfa.isEnrolled(user.id())) {
                // fails rather than signs in when there is no request to keep the pending sign-in in
                var request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
                mfaSignIn.begin(request.getRequest(), result);
                throw new MfaPendingException();
            }
            accounts.signedIn(result.getName(), PortalAuthenticationProvider.clientAddress(authentication));
            return result;
        };
        http.authenticationManager(passwordThenCode)
                // A session whose account changed since sign-in ends at its next request.
                .addFilterBefore(new EndedSessionFilter(stamps, currentUser, events,
                        strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                        AnonymousAuthenticationFilter.class)
                // A new session id at sign-in, so a session id planted before it is worthless.
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(open).permitAll())
                // Vaadin's own requests carry Vaadin's token; every other post, the sign-in form's
                // included (Vaadin would exempt it), needs Spring Security's (see LoginCsrfToken).
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
                // A page opened by address that the user's roles do not allow is refused here, before
                // any view runs; send browsers to a page that says so instead of a bare 403.
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    String accept = request.getHeader("Accept");
                    if ("GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")) {
                        response.sendRedirect(request.getContextPath() + "/" + ForbiddenView.PATH);
                    } else {
                        response.sendError(HttpStatus.FORBIDDEN.value());
                    }
                }))
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false));
        return http.build();
    }
}
