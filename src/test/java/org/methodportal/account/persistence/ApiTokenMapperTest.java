package org.methodportal.account.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.Pinyin;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class ApiTokenMapperTest {

    private static final Instant CREATED = Instant.parse("2026-04-01T02:03:04.567891Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    ApiTokenMapper tokens;

    long owner;
    long other;

    @BeforeEach
    void accounts() {
        departments.insert("dept-tokens", null, CREATED);
        long department = departments.findByName("dept-tokens").orElseThrow().id();
        branches.insert(department, "branch-tokens", CREATED);
        long branch = branches.findByName(department, "branch-tokens").orElseThrow().id();
        accounts.insert("token-owner", "令牌主人", Pinyin.searchKey("令牌主人"), "{noop}secret", branch, CREATED);
        accounts.insert("token-other", "别人", Pinyin.searchKey("别人"), "{noop}secret", branch, CREATED);
        owner = accounts.findByLogin("token-owner").orElseThrow().id();
        other = accounts.findByLogin("token-other").orElseThrow().id();
    }

    @Test
    void aTokenIsFoundByItsHashWithItsOwnersLogin() {
        tokens.insert(owner, "脚本", "a".repeat(64), "mpt_abcdefgh", "read,write", CREATED, CREATED.plusSeconds(86_400));

        ApiTokenRow row = tokens.findByHash("a".repeat(64)).orElseThrow();
        assertThat(row).isEqualTo(new ApiTokenRow(row.id(), owner, "token-owner", "脚本", "mpt_abcdefgh", "read,write",
                CREATED, CREATED.plusSeconds(86_400), null, null));
        assertThat(tokens.findById(row.id())).contains(row);
        assertThat(tokens.findByHash("b".repeat(64))).isEmpty();
    }

    @Test
    void anAccountsTokensComeNewestFirst() {
        tokens.insert(owner, "旧", "1".repeat(64), "mpt_11111111", "read", CREATED, CREATED.plusSeconds(60));
        tokens.insert(owner, "新", "2".repeat(64), "mpt_22222222", "read", CREATED.plusSeconds(5), CREATED.plusSeconds(60));
        tokens.insert(other, "别人的", "3".repeat(64), "mpt_33333333", "read", CREATED, CREATED.plusSeconds(60));

        assertThat(tokens.findByAccount(owner)).extracting(ApiTokenRow::name).containsExactly("新", "旧");
    }

    @Test
    void aUseIsWrittenOnlyWhenTheLastIsOlderAndRevokingHappensOnce() {
        tokens.insert(owner, "脚本", "c".repeat(64), "mpt_cccccccc", "read", CREATED, CREATED.plusSeconds(86_400));
        long id = tokens.findByHash("c".repeat(64)).orElseThrow().id();

        assertThat(tokens.updateLastUsed(id, CREATED.plusSeconds(10), CREATED.minusSeconds(50))).isEqualTo(1);
        assertThat(tokens.updateLastUsed(id, CREATED.plusSeconds(20), CREATED.minusSeconds(40))).as("recent").isZero();
        assertThat(tokens.updateLastUsed(id, CREATED.plusSeconds(80), CREATED.plusSeconds(20))).isEqualTo(1);
        assertThat(tokens.revoke(id, CREATED.plusSeconds(90))).isEqualTo(1);
        assertThat(tokens.revoke(id, CREATED.plusSeconds(99))).as("already revoked").isZero();

        ApiTokenRow row = tokens.findById(id).orElseThrow();
        assertThat(row.lastUsedAt()).isEqualTo(CREATED.plusSeconds(80));
        assertThat(row.revokedAt()).isEqualTo(CREATED.plusSeconds(90));
    }
}
