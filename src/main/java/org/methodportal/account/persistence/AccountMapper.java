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

    void insert(@Param("login") String login, @Param("displayName") String displayName,
                @Param("displayNamePinyin") String displayNamePinyin, @Param("passwordHash") String passwordHash,
                @Param("branchId") long branchId, @Param("createdAt") Instant createdAt);

    int update(@Param("id") long id, @Param("displayName") String displayName,
               @Param("displayNamePinyin") String displayNamePinyin, @Param("branchId") long branchId,
               @Param("version") int version);

    int updateEnabled(@Param("id") long id, @Param("enabled") boolean enabled, @Param("version") int version);

    int updatePassword(@Param("id") long id, @Param("passwordHash") String passwordHash);

    int updateLocale(@Param("id") long id, @Param("locale") String locale);

    int updateLastLogin(@Param("login") String login, @Param("at") Instant at);

    void insertRole(@Param("accountId") long accountId, @Param("role") Role role);

    void deleteRoles(long accountId);

    void insertReviewerDepartment(@Param("accountId") long accountId, @Param("departmentId") long departmentId);

    void deleteReviewerDepartments(long accountId);

    /** Enabled accounts with the REVIEWER role that review in the department. */
    List<Long> findReviewerIdsOfDepartment(long departmentId);

    long countAll();
}
