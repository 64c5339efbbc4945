package org.methodportal.account.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.body;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.methodportal.shared.api.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class MentionApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void anyMemberFindsAccountsByLoginPrefixWithNameAndBranchOnly() {
        MvcTestResult result = as("member", mvc.get().uri("/api/v1/accounts/mentions?q=secre")).exchange();

        assertThat(result).hasStatusOk();
        List<Map<String, Object>> found = JsonPath.read(body(result), "$");
        assertThat(found).extracting(m -> m.get("login")).contains("secretary", "secretary2");
        assertThat(found).allSatisfy(m -> assertThat(m).containsOnlyKeys("login", "displayName", "branchName"));
        assertThat(body(result)).doesNotContainIgnoringCase("role").doesNotContainIgnoringCase("password")
                .doesNotContain("\"id\"");
    }

    @Test
    void atMostEightComeBackAndPrefixMatchesComeFirst() {
        List<Map<String, Object>> all = JsonPath.read(body(as("member",
                mvc.get().uri("/api/v1/accounts/mentions?q=")).exchange()), "$");
        assertThat(all).hasSizeLessThanOrEqualTo(8).isNotEmpty();

        // "view" is inside "reviewer" and "reviewer2" only; "rev" starts them.
        List<String> logins = JsonPath.read(body(as("member",
                mvc.get().uri("/api/v1/accounts/mentions?q=@rev")).exchange()), "$[*].login");
        assertThat(logins).startsWith("reviewer");
    }

    @Test
    void signingInIsRequired() {
        assertThat(mvc.get().uri("/api/v1/accounts/mentions?q=a").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
