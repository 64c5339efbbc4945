package org.methodportal.account.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.jspecify.annotations.Nullable;
import org.methodportal.shared.Role;

@Mapper
public interface AccountMapper {

    Optional<AccountRow> findById(long id);

    Optional<AccountRow> findByLogin(String login);

    List<AccountRow> findPage(@Param("q") AccountQuery query, @Param("sortKey") @Nullable String sortKey,
                              @Param("ascending") boolean ascending, @Param("offset") int offset,
                              @Param("limit") int limit);

    long count(@Param("q") AccountQuery query);

    List<AccountRoleRow> findRoles(@Param("accountIds") Collection<Long> accountIds);

    List<ReviewerDepartmentRow> findReviewerDepartments(@Param("accountIds") Collection<Long> accountIds);

    /** An account whose owner chose its password (or a test's). */
    default void insert(String login, String displayName, String displayNamePinyin, String passwordHash,
                        long branchId, Instant createdAt) {
        insert(login, displayName, displayNamePinyin, passwordHash, branchId, createdAt, false);
    }

    void insert(@Param("login") String login, @Param("displayName") String displayName,
                @Param("displayNamePinyin") String displayNamePinyin, @Param("passwordHash") String passwordHash,
                @Param("branchId") long branchId, @Param("createdAt") Instant createdAt,
                @Param("passwordChangeRequired") boolean passwordChangeRequired);

    int update(@Param("id") long id, @Param("displayName") String displayName,
               @Param("displayNamePinyin") String displayNamePinyin, @Param("branchId") long branchId,
               @Param("version") int version);

    int updateEnabled(@Param("id") long id, @Param("enabled") boolean enabled, @Param("version") int version);

    /** A new password; {@code changeRequired} when someone other than the owner chose it. */
    int updatePassword(@Param("id") long id, @Param("passwordHash") String passwordHash,
                       @Param("changeRequired") boolean changeRequired);

    /** The account's security stamp and enabled flag, for checking a signed-in session. */
    Optional<SecurityStateRow> findSecurityState(long id);

    int updateSecurityStamp(@Param("id") long id, @Param("securityStamp") long securityStamp,
                            @Param("reason") String reason);

    int updateLocale(@Param("id") long id, @Param("locale") String locale);

    int updateLastLogin(@Param("login") String login, @Param("at") Instant at);

    void insertRole(@Param("accountId") long accountId, @Param("role") Role role);

    void deleteRoles(long accountId);

    void insertReviewerDepartment(@Param("accountId") long accountId, @Param("departmentId") long departmentId);

    void deleteReviewerDepartments(long accountId);

    /** Enabled accounts with the REVIEWER role that review in the department. */
    List<Long> findReviewerIdsOfDepartment(long departmentId);

    /** The enabled secretaries of a branch. */
    List<Long> findSecretaryIdsOfBranch(@Param("branchId") long branchId);

    long countAll();

    /** The accounts with these ids (any state), in id order. */
    List<AccountRow> findByIds(@Param("ids") Collection<Long> ids);

    /** Enabled accounts with these (lower-case) logins. */
    List<AccountRow> findEnabledByLogins(@Param("logins") Collection<String> logins);

    /**
     * Up to {@code limit} enabled accounts for mention autocomplete, in display-name order: with
     * {@code q.prefix} those whose login, display name, full pinyin or pinyin initials start with the
     * text, else those containing it anywhere; {@code excludedIds} were already found.
     */
    List<MentionRow> findMentionCandidates(@Param("q") MentionQuery query,
                                           @Param("excludedIds") Collection<Long> excludedIds,
                                           @Param("limit") int limit);

    Optional<Boolean> findAutoWatch(long id);

    int updateAutoWatch(@Param("id") long id, @Param("autoWatch") boolean autoWatch);
}
