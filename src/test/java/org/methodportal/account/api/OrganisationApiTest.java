package org.methodportal.account.api;

import org.methodportal.shared.api.Api;
import org.methodportal.shared.api.ApiTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.methodportal.shared.api.Api.as;
import static org.methodportal.shared.api.Api.assertProblem;
import static org.methodportal.shared.api.Api.eTag;
import static org.methodportal.shared.api.Api.id;
import static org.methodportal.shared.api.Api.json;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

@ApiTest
class OrganisationApiTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void adminCreatesDepartmentAndBranchThatEveryoneCanRead() {
        MvcTestResult department = createDepartment("科学技术部", "MOST");

        assertThat(department).hasStatus(HttpStatus.CREATED);
        long departmentId = id(department);
        assertThat(department).headers().hasValue("Location", "/api/v1/departments/" + departmentId)
                .hasValue("ETag", "\"0\"");
        MvcTestResult branch = as("admin", json(mvc.post().uri("/api/v1/branches"), """
                {"departmentId": %d, "name": "基础研究司党支部"}""".formatted(departmentId))).exchange();
        assertThat(branch).hasStatus(HttpStatus.CREATED);
        assertThat(branch).bodyJson().extractingPath("$.departmentName").isEqualTo("科学技术部");

        MvcTestResult read = as("member", mvc.get().uri("/api/v1/branches?departmentId=" + departmentId)).exchange();
        assertThat(read).hasStatusOk();
        assertThat(read).bodyJson().extractingPath("$.total").isEqualTo(1);
        assertThat(read).bodyJson().extractingPath("$.content[0].name").isEqualTo("基础研究司党支部");
        assertThat(as("member", mvc.get().uri("/api/v1/departments/" + departmentId)).exchange())
                .hasStatusOk().headers().hasValue("ETag", "\"0\"");
    }

    @Test
    void departmentListIsPagedFilteredAndSorted() {
        MvcTestResult page = as("member", mvc.get().uri("/api/v1/departments?size=5&page=1&sort=code,desc")).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyJson().extractingPath("$.page").isEqualTo(1);
        assertThat(page).bodyJson().extractingPath("$.size").isEqualTo(5);
        assertThat(page).bodyJson().extractingPath("$.content").asArray().hasSize(5);
        List<String> codes = JsonPath.read(Api.body(page), "$.content[*].code");
        assertThat(codes).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(as("member", mvc.get().uri("/api/v1/departments?q=CNAO")).exchange())
                .bodyJson().extractingPath("$.content[0].name").isEqualTo("审计署");
    }

    @Test
    void duplicateDepartmentNameGets409Problem() {
        assertProblem(createDepartment("财政部", null), HttpStatus.CONFLICT, "department.name-taken");
    }

    @Test
    void updateWithCurrentIfMatchSucceedsAndReturnsTheNextETag() {
        long id = id(createDepartment("住房城乡建设部", "MOHURD"));

        MvcTestResult updated = as("admin", json(mvc.put().uri("/api/v1/departments/" + id), """
                {"name": "住房和城乡建设部", "code": "MOHURD"}""")).header("If-Match", "\"0\"").exchange();

        assertThat(updated).hasStatusOk().headers().hasValue("ETag", "\"1\"");
        assertThat(updated).bodyJson().extractingPath("$.name").isEqualTo("住房和城乡建设部");
    }

    @Test
    void staleIfMatchGets409ProblemAndChangesNothing() {
        MvcTestResult created = createDepartment("交通运输部", "MOT");
        long id = id(created);
        as("admin", mvc.post().uri("/api/v1/departments/" + id + "/disable")).header("If-Match", eTag(created)).exchange();

        MvcTestResult stale = as("admin", json(mvc.put().uri("/api/v1/departments/" + id), """
                {"name": "交通部"}""")).header("If-Match", eTag(created)).exchange();

        assertProblem(stale, HttpStatus.CONFLICT, "department.stale");
        assertThat(as("admin", mvc.get().uri("/api/v1/departments/" + id)).exchange())
                .bodyJson().extractingPath("$.name").isEqualTo("交通运输部");
    }

    @Test
    void staleVersionFieldGets409Problem() {
        MvcTestResult created = createDepartment("水利部", "MWR");
        long id = id(created);
        as("admin", json(mvc.post().uri("/api/v1/departments/" + id + "/disable"), "{\"version\": 0}")).exchange();

        assertProblem(as("admin", json(mvc.post().uri("/api/v1/departments/" + id + "/enable"), "{\"version\": 0}"))
                .exchange(), HttpStatus.CONFLICT, "department.stale");
        assertThat(as("admin", json(mvc.post().uri("/api/v1/departments/" + id + "/enable"), "{\"version\": 1}"))
                .exchange()).hasStatusOk().bodyJson().extractingPath("$.enabled").isEqualTo(true);
    }

    @Test
    void writeWithoutAnyVersionGets422Problem() {
        long id = id(createDepartment("商务部", "MOFCOM"));

        assertProblem(as("admin", json(mvc.put().uri("/api/v1/departments/" + id), """
                {"name": "商务部"}""")).exchange(), HttpStatus.UNPROCESSABLE_CONTENT, "api.version-required");
        assertProblem(as("admin", mvc.post().uri("/api/v1/departments/" + id + "/disable")).exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "api.version-required");
        assertProblem(as("admin", json(mvc.put().uri("/api/v1/departments/" + id), """
                {"name": "商务部", "version": 0}""")).header("If-Match", "\"7\"").exchange(),
                HttpStatus.UNPROCESSABLE_CONTENT, "api.if-match-invalid");
    }

    @Test
    void blankOrMissingFieldsGet422ProblemNamingTheFields() {
        MvcTestResult department = as("admin", json(mvc.post().uri("/api/v1/departments"), """
                {"name": "  "}""")).exchange();
        MvcTestResult branch = as("admin", json(mvc.post().uri("/api/v1/branches"), """
                {"name": "无部门的党支部"}""")).exchange();

        assertProblem(department, HttpStatus.UNPROCESSABLE_CONTENT, "validation");
        assertThat(department).bodyJson().extractingPath("$.errors").asArray().containsExactly("name");
        assertProblem(branch, HttpStatus.UNPROCESSABLE_CONTENT, "validation");
        assertThat(branch).bodyJson().extractingPath("$.errors").asArray().containsExactly("departmentId");
    }

    @Test
    void unknownDepartmentGets404Problem() {
        assertProblem(as("member", mvc.get().uri("/api/v1/departments/999999")).exchange(), HttpStatus.NOT_FOUND,
                "department.not-found");
        assertProblem(as("admin", json(mvc.post().uri("/api/v1/branches"), """
                {"departmentId": 999999, "name": "孤儿党支部"}""")).exchange(), HttpStatus.NOT_FOUND,
                "department.not-found");
    }

    private MvcTestResult createDepartment(String name, String code) {
        String codeJson = code == null ? "null" : "\"" + code + "\"";
        return as("admin", json(mvc.post().uri("/api/v1/departments"), """
                {"name": "%s", "code": %s}""".formatted(name, codeJson))).exchange();
    }
}
