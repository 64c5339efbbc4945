package org.methodportal.adoption.ui;

import java.util.Optional;

import org.methodportal.adoption.AdoptionService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ui.MethodPageSection;
import org.methodportal.proposal.ProposalService;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** Puts the adoption block (推广采用) on the page of every published method. */
@Component
@Order(15)
class AdoptionSection implements MethodPageSection {

    private final AdoptionService adoptions;
    private final ProposalService proposals;
    private final AuthenticationContext authentication;
    private final CurrentUser currentUser;

    AdoptionSection(AdoptionService adoptions, ProposalService proposals, AuthenticationContext authentication,
                    CurrentUser currentUser) {
        this.adoptions = adoptions;
        this.proposals = proposals;
        this.authentication = authentication;
        this.currentUser = currentUser;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodDetail method) {
        if (method.status() != MethodStatus.PUBLISHED && method.status() != MethodStatus.ARCHIVED) {
            return Optional.empty();
        }
        Long branchId = currentUser.find().map(PortalUser::branchId).orElse(null);
        return Optional.of(new AdoptionPanel(adoptions, method, authentication.hasRole("SECRETARY"), branchId,
                proposals.permissions(method.id()).mayProposeChange()));
    }
}
