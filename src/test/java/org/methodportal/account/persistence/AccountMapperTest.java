package org.methodportal.account.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.LikePattern;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.Pinyin;
import org.methodportal.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

@MapperSlice
class AccountMapperTest {

    private static final Instant CREATED = Instant.parse("2026-04-01T02:03:04.567891Z");
    private static final AccountQuery ALL = new AccountQuery(null, null, null, null, null, null);

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;

    long alpha;
    long bravo;
    long alpha1;
    long alpha2;
    long bravo1;

    /** Sorted columns hold ASCII so that H2 and PostgreSQL (any collation) agree on the order. */
    @BeforeEach
    void organisation() {
        alpha = department("dept-alpha");
        bravo = department("dept-bravo");
        alpha1 = branch(alpha, "branch-a1");
        alpha2 = branch(alpha, "branch-a2");
        bravo1 = branch(bravo, "branch-b1");
    }

    @Test
    void reviewersOfADepartmentAreEnabledAccountsWithTheRole() {
        long reviewer = account("u2001", "王审核", alpha1);
        long formerReviewer = account("u2002", "赵评审", alpha1);
        long disabled = account("u2003", "钱审核", alpha1);
        for (long id : List.of(reviewer, formerReviewer, disabled)) {
            accounts.insertReviewerDepartment(id, alpha);
        }
        accounts.insertRole(reviewer, Role.REVIEWER);
        accounts.insertRole(disabled, Role.REVIEWER);
        accounts.insertRole(formerReviewer, Role.MEMBER);
        accounts.updateEnabled(disabled, false, 0);

        assertThat(accounts.findReviewerIdsOfDepartment(alpha)).containsExactly(reviewer);
        assertThat(accounts.findReviewerIdsOfDepartment(bravo)).isEmpty();
    }

    @Test
    void insertedAccountIsReadBackWithBranchAndDepartment() {
        long id = account("u1001", "张三", alpha2);

        AccountRow row = accounts.findByLogin("u1001").orElseThrow();

        assertThat(row).isEqualTo(new AccountRow(id, "u1001", "张三", "{noop}secret", alpha2, "branch-a2", alpha,
                "dept-alpha", true, null, CREATED, null, 0, 0, false));
        assertThat(accounts.findById(id)).contains(row);
        assertThat(accounts.findByLogin("nobody")).isEmpty();
        assertThat(accounts.countAll()).isEqualTo(1);
    }

    @Test
    void securityStateIsReadByIdAndTheStampRenewedWithItsReason() {
        long id = account("u1001", "张三", alpha2);
        assertThat(accounts.findSecurityState(id)).contains(new SecurityStateRow(0, null, true));

        accounts.updateSecurityStamp(id, -42, "DISABLED");
        accounts.updateEnabled(id, false, 0);

        assertThat(accounts.findSecurityState(id)).contains(new SecurityStateRow(-42, "DISABLED", false));
        assertThat(accounts.findById(id).orElseThrow().securityStamp()).isEqualTo(-42);
        assertThat(accounts.findSecurityState(-1)).isEmpty();
    }

    @Test
    void loginsAreUnique() {
        account("u1001", "张三", alpha1);

        assertThatThrownBy(() -> accounts.insert("u1001", "李四", "lisi ls", "{noop}x", alpha1, CREATED))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void storesRolesAndReviewerDepartmentsPerAccount() {
        long zhang = account("u1001", "张三", alpha1);
        long li = account("u1002", "李四", alpha1);
        accounts.insertRole(zhang, Role.MEMBER);
        accounts.insertRole(zhang, Role.REVIEWER);
        accounts.insertRole(li, Role.ADMIN);
        accounts.insertReviewerDepartment(zhang, alpha);
        accounts.insertReviewerDepartment(zhang, bravo);

        assertThat(accounts.findRoles(List.of(zhang, li))).containsExactlyInAnyOrder(
                new AccountRoleRow(zhang, Role.MEMBER), new AccountRoleRow(zhang, Role.REVIEWER),
                new AccountRoleRow(li, Role.ADMIN));
        assertThat(accounts.findReviewerDepartments(List.of(zhang, li))).containsExactlyInAnyOrder(
                new ReviewerDepartmentRow(zhang, alpha), new ReviewerDepartmentRow(zhang, bravo));

        accounts.deleteRoles(zhang);
        accounts.deleteReviewerDepartments(zhang);

        assertThat(accounts.findRoles(List.of(zhang, li))).containsExactly(new AccountRoleRow(li, Role.ADMIN));
        assertThat(accounts.findReviewerDepartments(List.of(zhang))).isEmpty();
    }

    @Test
    void pagesAndSortsByWhitelistedKeys() {
        long u3 = account("u1003", "王五", bravo1);
        long u1 = account("u1001", "张三", alpha2);
        account("u1004", "赵六", alpha1);
        account("u1002", "李四", alpha1);
        accounts.updateLastLogin("u1003", CREATED.plusSeconds(20));
        accounts.updateLastLogin("u1001", CREATED.plusSeconds(10));
        accounts.updateEnabled(u3, false, 0);

        assertThat(logins(accounts.findPage(ALL, "login", true, 0, 2))).containsExactly("u1001", "u1002");
        assertThat(logins(accounts.findPage(ALL, "login", true, 2, 2))).containsExactly("u1003", "u1004");
        assertThat(logins(accounts.findPage(ALL, "login", false, 0, 1))).containsExactly("u1004");
        assertThat(logins(accounts.findPage(ALL, "branchName", true, 0, 10)))
                .containsExactly("u1004", "u1002", "u1001", "u1003");
        assertThat(logins(accounts.findPage(ALL, "departmentName", false, 0, 10)))
                .containsExactly("u1003", "u1001", "u1004", "u1002");
        // Never signed in sorts last ascending, first descending, on both databases.
        assertThat(logins(accounts.findPage(ALL, "lastLoginAt", true, 0, 10)))
                .containsExactly("u1001", "u1003", "u1004", "u1002");
        assertThat(logins(accounts.findPage(ALL, "lastLoginAt", false, 0, 10)))
                .containsExactly("u1004", "u1002", "u1003", "u1001");
        assertThat(logins(accounts.findPage(ALL, "enabled", true, 0, 1))).containsExactly("u1003");
        assertThat(logins(accounts.findPage(ALL, "createdAt; DROP TABLE account", true, 0, 10))).hasSize(4);
        assertThat(accounts.findById(u1).orElseThrow().lastLoginAt()).isEqualTo(CREATED.plusSeconds(10));
    }

    @Test
    void filtersByLoginOrDisplayNameWithWildcardsEscaped() {
        account("u1001", "张三", alpha1);
        account("u_1002", "Alice Wong", alpha1);
        account("u1003", "100%满意", alpha1);

        assertThat(logins(find(text("_")))).containsExactly("u_1002");
        assertThat(logins(find(text("%")))).containsExactly("u1003");
        assertThat(logins(find(text("张")))).containsExactly("u1001");
        // The service lower-cases what was typed; the display name is compared in lower case.
        assertThat(logins(find(text("alice")))).containsExactly("u_1002");
        assertThat(accounts.count(text("u1"))).isEqualTo(2);
    }

    @Test
    void matchesPinyinOfTheDisplayName() {
        account("u1001", "张三", alpha1);
        account("u1002", "张三丰", alpha1);
        account("u1003", "李四", alpha1);

        assertThat(logins(find(pinyin("zhangsan")))).containsExactly("u1001", "u1002");
        assertThat(logins(find(pinyin("zsf")))).containsExactly("u1002");
        assertThat(logins(find(pinyin("ls")))).containsExactly("u1003");
        assertThat(accounts.count(pinyin("wangwu"))).isZero();
    }

    @Test
    void filtersByDepartmentBranchRoleAndStatus() {
        long zhang = account("u1001", "张三", alpha1);
        long li = account("u1002", "李四", alpha2);
        long wang = account("u1003", "王五", bravo1);
        accounts.insertRole(zhang, Role.MEMBER);
        accounts.insertRole(li, Role.MEMBER);
        accounts.insertRole(li, Role.SECRETARY);
        accounts.insertRole(wang, Role.ADMIN);
        accounts.updateEnabled(li, false, 0);

        assertThat(logins(find(new AccountQuery(null, null, alpha, null, null, null))))
                .containsExactly("u1001", "u1002");
        assertThat(logins(find(new AccountQuery(null, null, null, alpha2, null, null)))).containsExactly("u1002");
        assertThat(logins(find(new AccountQuery(null, null, null, null, Role.MEMBER, null))))
                .containsExactly("u1001", "u1002");
        assertThat(logins(find(new AccountQuery(null, null, null, null, null, false)))).containsExactly("u1002");
        assertThat(accounts.count(new AccountQuery(null, null, alpha, null, Role.MEMBER, true))).isEqualTo(1);
        assertThat(accounts.count(new AccountQuery(null, null, null, null, Role.MEMBER, null))).isEqualTo(2);
        assertThat(logins(accounts.findPage(new AccountQuery(null, null, alpha, null, null, null), "branchName", false,
                0, 10))).containsExactly("u1002", "u1001");
    }

    @Test
    void updatesOnlyTheExpectedVersion() {
        long id = account("u1001", "张三", alpha1);

        assertThat(accounts.update(id, "张三丰", Pinyin.searchKey("张三丰"), bravo1, 0)).isEqualTo(1);
        assertThat(accounts.update(id, "张四", Pinyin.searchKey("张四"), alpha1, 0)).as("stale version").isZero();
        AccountRow updated = accounts.findById(id).orElseThrow();
        assertThat(updated.displayName()).isEqualTo("张三丰");
        assertThat(updated.branchName()).isEqualTo("branch-b1");
        assertThat(updated.departmentName()).isEqualTo("dept-bravo");
        assertThat(updated.version()).isEqualTo(1);
        assertThat(logins(find(pinyin("zsf")))).as("pinyin follows the new name").containsExactly("u1001");

        assertThat(accounts.updateEnabled(id, false, 0)).as("stale version").isZero();
        assertThat(accounts.updateEnabled(id, false, 1)).isEqualTo(1);
        assertThat(accounts.findById(id).orElseThrow().enabled()).isFalse();
    }

    @Test
    void updatesPasswordLocaleAndLastLogin() {
        long id = account("u1001", "张三", alpha1);
        Instant at = Instant.parse("2026-04-02T10:00:00.000007Z");

        assertThat(accounts.updatePassword(id, "{noop}changed", true)).isEqualTo(1);
        assertThat(accounts.updateLocale(id, "en")).isEqualTo(1);
        assertThat(accounts.updateLastLogin("u1001", at)).isEqualTo(1);
        assertThat(accounts.updateLastLogin("nobody", at)).isZero();

        AccountRow row = accounts.findById(id).orElseThrow();
        assertThat(row.passwordHash()).isEqualTo("{noop}changed");
        assertThat(row.locale()).isEqualTo("en");
        assertThat(row.lastLoginAt()).isEqualTo(at);
        assertThat(row.passwordChangeRequired()).isTrue();

        accounts.updatePassword(id, "{noop}mine", false);
        assertThat(accounts.findById(id).orElseThrow().passwordChangeRequired()).isFalse();
    }

    @Test
    void mentionCandidatesMatchLoginNameAndPinyinByPrefixOrAnywhereAmongEnabledAccounts() {
        long zhang = account("zsan", "张三", alpha1);
        long login = account("wangwu", "李四", alpha1);
        long middle = account("u3003", "王张", alpha1);
        long disabled = account("zhangdis", "张停用", alpha1);
        accounts.updateEnabled(disabled, false, 0);

        // "zs": the login and the initials of 张三 start with it; 王张 (wz, wangzhang) only contains "zh".
        assertThat(mentionIds(new MentionQuery(true, "zs%", "zs%"), List.of())).containsExactly(zhang);
        assertThat(mentionIds(new MentionQuery(true, "zhang%", "zhang%"), List.of())).containsExactly(zhang);
        assertThat(mentionIds(new MentionQuery(true, "wang%", "wang%"), List.of()))
                .containsExactlyInAnyOrder(login, middle);
        assertThat(mentionIds(new MentionQuery(true, "张%", "张%"), List.of())).containsExactly(zhang);
        assertThat(mentionIds(new MentionQuery(false, "%张%", "%张%"), List.of()))
                .containsExactlyInAnyOrder(zhang, middle);
        assertThat(mentionIds(new MentionQuery(false, "%zhang%", "%zhang%"), List.of(zhang)))
                .as("already found, disabled left out").containsExactly(middle);
        assertThat(accounts.findMentionCandidates(new MentionQuery(true, "zsan%", "zsan%"), List.of(), 8))
                .singleElement().satisfies(r -> {
                    assertThat(r.login()).isEqualTo("zsan");
                    assertThat(r.displayName()).isEqualTo("张三");
                    assertThat(r.branchName()).isEqualTo("branch-a1");
                });
    }

    @Test
    void mentionCandidatesComeInNameOrderUpToTheLimit() {
        for (String name : List.of("mike", "adam", "lena", "bert")) {
            account("m-" + name, name, alpha1);
        }
        assertThat(accounts.findMentionCandidates(new MentionQuery(true, "m-%", "m-%"), List.of(), 3))
                .extracting(MentionRow::displayName).containsExactly("adam", "bert", "lena");
    }

    @Test
    void accountsByIdsAndEnabledByLoginsAndTheAutoWatchSetting() {
        long one = account("u4001", "一号", alpha1);
        long two = account("u4002", "二号", bravo1);
        accounts.updateEnabled(two, false, 0);

        assertThat(accounts.findByIds(List.of(two, one))).extracting(AccountRow::id).containsExactly(one, two);
        assertThat(accounts.findEnabledByLogins(List.of("u4001", "u4002", "nobody"))).extracting(AccountRow::id)
                .containsExactly(one);
        assertThat(accounts.findAutoWatch(one)).contains(true);
        assertThat(accounts.updateAutoWatch(one, false)).isEqualTo(1);
        assertThat(accounts.findAutoWatch(one)).contains(false);
        assertThat(accounts.findAutoWatch(two)).as("default on").contains(true);
    }

    private List<Long> mentionIds(MentionQuery query, List<Long> excluded) {
        return accounts.findMentionCandidates(query, excluded, 8).stream().map(MentionRow::id).toList();
    }

    private long department(String name) {
        departments.insert(name, null, CREATED);
        return departments.findByName(name).orElseThrow().id();
    }

    private long branch(long departmentId, String name) {
        branches.insert(departmentId, name, CREATED);
        return branches.findByName(departmentId, name).orElseThrow().id();
    }

    private long account(String login, String displayName, long branchId) {
        accounts.insert(login, displayName, Pinyin.searchKey(displayName), "{noop}secret", branchId, CREATED);
        return accounts.findByLogin(login).orElseThrow().id();
    }

    private List<AccountRow> find(AccountQuery query) {
        return accounts.findPage(query, "login", true, 0, 50);
    }

    private static AccountQuery text(String typed) {
        return new AccountQuery(LikePattern.contains(typed), null, null, null, null, null);
    }

    private static AccountQuery pinyin(String typed) {
        return new AccountQuery(LikePattern.contains(typed), LikePattern.contains(Pinyin.normaliseQuery(typed)), null,
                null, null, null);
    }

    private static List<String> logins(List<AccountRow> rows) {
        return rows.stream().map(AccountRow::login).toList();
    }
}
