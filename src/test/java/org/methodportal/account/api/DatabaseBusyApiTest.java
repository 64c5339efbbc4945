package org.methodportal.account.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;

import org.junit.jupiter.api.Test;
import org.methodportal.account.ApiTokenService;
import org.methodportal.method.MethodService;
import org.methodportal.shared.TestUsers;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * When every database connection is busy past the pool's wait (as under the load benchmark's 200
 * users), an API caller gets 503 with a problem body and Retry-After, whether the wait ran out in
 * the token check of the security chain or in a controller, never a redirect or a stack trace.
 */
@ApiTest
class DatabaseBusyApiTest {

    private static final String BUSY_TOKEN = "pt_busy-database-token";

    @Autowired
    MockMvcTester mvc;
    @MockitoSpyBean
    ApiTokenService tokens;
    @MockitoSpyBean
    MethodService methods;
    @Autowired
    UserDetailsService users;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @Test
    void aTokenCheckWithoutAConnectionAnswers503() {
        doThrow(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"))
                .when(tokens).authenticate(eq(BUSY_TOKEN), any());

        MvcTestResult result = mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + BUSY_TOKEN).exchange();

        assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "service.busy");
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("5");
    }

    @Test
    void aControllerWithoutAConnectionAnswers503() {
        // Stubbing calls through the service's proxy, whose access rule wants someone signed in.
        TestUsers.signInAs(users, securityContexts, "member");
        try {
            doThrow(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"))
                    .when(methods).get(424_242L);
        } finally {
            securityContexts.clearContext();
        }

        MvcTestResult result = as("member", mvc.get().uri("/api/v1/methods/424242")).exchange();

        assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "service.busy");
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("5");
    }
}
