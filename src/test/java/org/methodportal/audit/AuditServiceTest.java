package org.methodportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.methodportal.account.Department;
import org.methodportal.account.DepartmentForm;
import org.methodportal.account.OrganisationService;
import org.methodportal.shared.MutableClock;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

@ServiceTest
class AuditServiceTest {

    private static final PageRequest NEWEST_FIRST = new PageRequest(0, 50, null, false);

    @Autowired
    AuditService audit;
    @Autowired
    OrganisationService organisation;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;

    @Test
    @WithUserDetails("admin")
    void organisationChangesLeaveAuditRowsNewestFirst() {
        Department created = organisation.createDepartment(new DepartmentForm(uniqueName(), "T1"));
        clock.advance(Duration.ofSeconds(1));
        organisation.updateDepartment(created.id(), new DepartmentForm(created.name() + "2", "T2"),
                created.version());

        List<AuditEntry> rows = audit.find(new AuditFilter(null, "department.", String.valueOf(created.id()), null,
                null), NEWEST_FIRST);

        assertThat(rows).extracting(AuditEntry::action).containsExactly("department.updated", "department.created");
        AuditEntry creation = rows.get(1);
        assertThat(creation.actor()).isEqualTo("admin");
        assertThat(creation.objectType()).isEqualTo("department");
        assertThat(creation.detail()).isEqualTo(created.name());
        assertThat(rows.getFirst().occurredAt()).isAfter(creation.occurredAt());
    }

    @Test
    @WithUserDetails("admin")
    void rolledBackChangeLeavesNoAuditRow() {
        String name = uniqueName();
        AuditFilter creations = new AuditFilter("admin", "department.created", null, null, null);
        long before = audit.count(creations);

        // One transaction: the first creation succeeds (and publishes its event), the second fails.
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            organisation.createDepartment(new DepartmentForm(name, null));
            organisation.createDepartment(new DepartmentForm(name, null));
        })).isInstanceOf(PortalException.class);

        assertThat(organisation.countDepartments(name, null)).isZero();
        assertThat(audit.count(creations)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("member")
    void onlyAdministratorsReadTheTrail() {
        assertThatThrownBy(() -> audit.find(AuditFilter.none(), NEWEST_FIRST))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.count(AuditFilter.none())).isInstanceOf(AccessDeniedException.class);
    }

    private static String uniqueName() {
        return "测试部" + UUID.randomUUID().toString().substring(0, 8);
    }
}
