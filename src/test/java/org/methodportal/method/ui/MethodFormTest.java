package org.methodportal.method.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Html;
import org.methodportal.account.OrganisationService;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.shared.PortalException;

/** The form without a browser: what it is filled with comes back out, errors land next to fields. */
class MethodFormTest {

    private final MethodForm form = new MethodForm(mock(MethodService.class), mock(OrganisationService.class));

    @Test
    void contentComesBackOutAsItWasFilledIn() {
        var content = new MethodContent("三色预警", "摘要", Category.MASS_LINE, "问题", "理念",
                List.of("措施一", "措施二"), List.of("步骤一"), "成效", "范围", List.of("预警", "台账"), "# 正文");

        form.fill(content);

        assertThat(form.content()).isEqualTo(content);
        assertThat(form.measures.items).hasSize(2);
        assertThat(form.preview.getChildren().findFirst()).get()
                .isInstanceOfSatisfying(Html.class, html -> assertThat(html.getInnerHtml()).contains("<h1>正文</h1>"));
    }

    @Test
    void emptyRequiredFieldsAreMarkedAndInputIsKept() {
        form.clear();
        form.title.setValue("只有名称");

        assertThat(form.validate()).isFalse();

        assertThat(form.title.isInvalid()).isFalse();
        assertThat(form.problem.isInvalid()).isTrue();
        assertThat(form.category.isInvalid()).isTrue();
        assertThat(form.measures.error.isVisible()).isTrue();
        assertThat(form.title.getValue()).isEqualTo("只有名称");
    }

    @Test
    void serviceLengthErrorIsShownOnTheNamedField() {
        assertThat(form.showError(PortalException.invalid("method.too-long", "concept", 10_000))).isTrue();
        assertThat(form.concept.isInvalid()).isTrue();
        assertThat(form.showError(PortalException.invalid("method.too-long", "workingCopy", 1))).isFalse();
    }
}
