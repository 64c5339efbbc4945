package org.methodportal.account.api;

import org.methodportal.shared.api.Api;
import org.methodportal.shared.api.ApiTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.body;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiTest
class MeApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void memberSeesOwnAccountWithDepartmentBranchAndRoles() {
        MvcTestResult result = as("member", mvc.get().uri("/api/v1/me")).exchange();

        assertThat(result).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.id", id -> assertThat(id).isNotNull())
                .hasPathSatisfying("$.lastLoginAt", at -> assertThat(at).isNotNull());
        assertThat(result).bodyJson().extractingPath("$.login").isEqualTo("member");
        assertThat(result).bodyJson().extractingPath("$.displayName").isEqualTo("张党员");
        assertThat(result).bodyJson().extractingPath("$.department.name").isEqualTo("财政部");
        assertThat(result).bodyJson().extractingPath("$.branch.name").isEqualTo("预算司党支部");
        assertThat(result).bodyJson().extractingPath("$.roles").asArray().containsExactly("MEMBER");
        assertThat(result).bodyJson().extractingPath("$.reviewerDepartmentIds").asArray().isEmpty();
        assertThat(result).bodyJson().extractingPath("$.locale").isEqualTo("zh-CN");
        assertThat(body(result)).doesNotContainIgnoringCase("password");
    }

    @Test
    void adminSeesAdministratorRole() {
        MvcTestResult result = as("admin", mvc.get().uri("/api/v1/me")).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.login").isEqualTo("admin");
        assertThat(result).bodyJson().extractingPath("$.department.name").isEqualTo("机关工委");
        assertThat(result).bodyJson().extractingPath("$.roles").asArray().containsExactlyInAnyOrder("ADMIN", "MEMBER");
    }

    @Test
    void reviewerSeesTheDepartmentsTheyReview() {
        MvcTestResult result = as("reviewer", mvc.get().uri("/api/v1/me")).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.reviewerDepartmentIds").asArray().hasSize(4);
    }
}
