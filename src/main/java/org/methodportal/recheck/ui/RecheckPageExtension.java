package org.methodportal.recheck.ui;

import java.util.Optional;

import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ui.MethodPageExtension;
import org.methodportal.proposal.ProposalService;
import org.methodportal.recheck.RecheckDue;
import org.methodportal.recheck.RecheckService;
import org.springframework.core.annotation.Order;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;

/** Puts the 内容待复核 banner ({@link RecheckBanner}) on a published method's page once it is due. */
@SpringComponent
@Order(30)
class RecheckPageExtension implements MethodPageExtension {

    private final RecheckService rechecks;
    private final ProposalService proposals;

    RecheckPageExtension(RecheckService rechecks, ProposalService proposals) {
        this.rechecks = rechecks;
        this.proposals = proposals;
    }

    @Override
    public Parts create(MethodDetail method, Component page) {
        if (method.status() != MethodStatus.PUBLISHED) {
            return new Parts() {
            };
        }
        Optional<RecheckDue> due = rechecks.of(method.id()).filter(d -> d.dueBy(rechecks.today()));
        return new Parts() {
            @Override
            public Optional<Component> banner() {
                return due.map(d -> new RecheckBanner(rechecks, d, rechecks.mayRecheck(d.departmentId()),
                        proposals.permissions(method.id()).mayProposeChange()));
            }
        };
    }
}
