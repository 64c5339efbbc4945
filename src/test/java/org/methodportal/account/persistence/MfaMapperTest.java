package org.methodportal.account.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.shared.MapperSlice;
import org.methodportal.shared.Pinyin;
import org.springframework.beans.factory.annotation.Autowired;

@MapperSlice
class MfaMapperTest {

    private static final Instant CREATED = Instant.parse("2026-04-01T02:03:04.567891Z");

    @Autowired
    DepartmentMapper departments;
    @Autowired
    BranchMapper branches;
    @Autowired
    AccountMapper accounts;
    @Autowired
    MfaMapper mfa;

    long owner;

    @BeforeEach
    void account() {
        departments.insert("dept-mfa", null, CREATED);
        long department = departments.findByName("dept-mfa").orElseThrow().id();
        branches.insert(department, "branch-mfa", CREATED);
        long branch = branches.findByName(department, "branch-mfa").orElseThrow().id();
        accounts.insert("mfa-owner", "两步主人", Pinyin.searchKey("两步主人"), "{noop}secret", branch, CREATED);
        owner = accounts.findByLogin("mfa-owner").orElseThrow().id();
    }

    @Test
    void anEnrolmentIsPendingUntilConfirmedAndOnlyAPendingOneIsDropped() {
        mfa.insert(owner, "JBSWY3DPEHPK3PXP", CREATED);
        assertThat(mfa.findByAccount(owner)).contains(new MfaRow(owner, "JBSWY3DPEHPK3PXP", CREATED, null, null));

        assertThat(mfa.confirm(owner, CREATED.plusSeconds(30), 100L)).isEqualTo(1);
        assertThat(mfa.confirm(owner, CREATED.plusSeconds(60), 101L)).as("already confirmed").isZero();
        assertThat(mfa.deletePending(owner)).as("confirmed is not pending").isZero();
        assertThat(mfa.findByAccount(owner)).contains(
                new MfaRow(owner, "JBSWY3DPEHPK3PXP", CREATED, CREATED.plusSeconds(30), 100L));

        assertThat(mfa.delete(owner)).isEqualTo(1);
        assertThat(mfa.findByAccount(owner)).isEmpty();
    }

    @Test
    void plainSecretsStoredBeforeEncryptionAreFoundAndReplaced() {
        String sealed = "v1:" + "A".repeat(80);
        mfa.insert(owner, "JBSWY3DPEHPK3PXP", CREATED);
        assertThat(mfa.findPlainSecrets()).extracting(MfaRow::accountId).containsExactly(owner);

        assertThat(mfa.updateSecret(owner, sealed)).isEqualTo(1);

        assertThat(mfa.findPlainSecrets()).isEmpty();
        assertThat(mfa.findByAccount(owner).orElseThrow().secret()).isEqualTo(sealed);
    }

    @Test
    void aTimeStepIsAcceptedOnlyAfterTheLastAccepted() {
        mfa.insert(owner, "JBSWY3DPEHPK3PXP", CREATED);
        assertThat(mfa.useTimeStep(owner, 100L)).as("not enrolled yet").isZero();
        mfa.confirm(owner, CREATED, 100L);

        assertThat(mfa.useTimeStep(owner, 100L)).as("replay").isZero();
        assertThat(mfa.useTimeStep(owner, 99L)).as("older").isZero();
        assertThat(mfa.useTimeStep(owner, 101L)).isEqualTo(1);
        assertThat(mfa.findByAccount(owner).orElseThrow().lastTimeStep()).isEqualTo(101L);
    }

    @Test
    void aRecoveryCodeIsUsedOnce() {
        mfa.insertRecoveryCodes(owner, List.of("a".repeat(64), "b".repeat(64)), CREATED);
        assertThat(mfa.countUnusedRecoveryCodes(owner)).isEqualTo(2);

        assertThat(mfa.useRecoveryCode(owner, "a".repeat(64), CREATED.plusSeconds(5))).isEqualTo(1);
        assertThat(mfa.useRecoveryCode(owner, "a".repeat(64), CREATED.plusSeconds(6))).as("used").isZero();
        assertThat(mfa.useRecoveryCode(owner, "c".repeat(64), CREATED.plusSeconds(6))).as("unknown").isZero();
        assertThat(mfa.countUnusedRecoveryCodes(owner)).isEqualTo(1);

        assertThat(mfa.deleteRecoveryCodes(owner)).isEqualTo(2);
        assertThat(mfa.countUnusedRecoveryCodes(owner)).isZero();
    }
}
