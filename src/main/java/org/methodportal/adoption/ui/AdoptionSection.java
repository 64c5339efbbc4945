package org.methodportal.adoption.ui;

import java.util.Optional;

import org.methodportal.adoption.AdoptionService;
import org.methodportal.method.MethodDetail;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ui.MethodPageSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.vaadin.flow.spring.security.AuthenticationContext;

/** Puts the adoption block (推广采用) on the page of every published method. */
@Component
@Order(15)
class AdoptionSection implements MethodPageSection {

    private final AdoptionService adoptions;
    private final AuthenticationContext authentication;

    AdoptionSection(AdoptionService adoptions, AuthenticationContext authentication) {
        this.adoptions = adoptions;
        this.authentication = authentication;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(MethodDetail method) {
        if (method.status() != MethodStatus.PUBLISHED && method.status() != MethodStatus.ARCHIVED) {
            return Optional.empty();
        }
        return Optional.of(new AdoptionPanel(adoptions, method, authentication.hasRole("SECRETARY")));
    }
}
