package org.methodportal.promotion.ui;

import java.util.Optional;

import org.methodportal.account.OrganisationService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ui.MethodPageSection;
import org.methodportal.promotion.PromotionService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** Puts 推广运用 ({@link PromotionPanel}) on the page of every published method. */
@Component
@Order(14)
class PromotionSection implements MethodPageSection {

    private final PromotionService promotions;
    private final OrganisationService organisation;
    private final AuthenticationContext authentication;

    PromotionSection(PromotionService promotions, OrganisationService organisation, AuthenticationContext authentication) {
        this.promotions = promotions;
        this.organisation = organisation;
        this.authentication = authentication;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodDetail method) {
        if (method.status() != MethodStatus.PUBLISHED) {
            return Optional.empty();
        }
        return Optional.of(new PromotionPanel(promotions, organisation, method, authentication.hasRole("ADMIN")));
    }
}
