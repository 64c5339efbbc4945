package org.methodportal.adoption.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.adoption.Adoption;
import org.methodportal.method.MethodFilter;
import org.methodportal.method.MethodService;
import org.methodportal.method.MethodStatus;
import org.methodportal.method.ui.MethodPageView;
import org.methodportal.shared.PageRequest;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;

/**
 * The full lists behind the method page's newest reports and the home page's block: a method's
 * adoptions by branch, and the reader's branch's adoptions by method. Demo data: secretary2's
 * branch adopts 三抓四比 and 五对接; 三融入 is adopted by the branches of secretary3 and secretary4.
 */
@ServiceTest
@WithUserDetails("secretary2")
@ViewPackages(classes = {MethodPageView.class, MethodAdoptionsView.class, BranchAdoptionsView.class})
class AdoptionListsViewTest extends SpringBrowserlessTest {

    @Autowired
    MethodService methods;

    @Test
    @SuppressWarnings("unchecked")
    void theBranchsListNamesItsMethodsAndAMethodsListItsBranches() {
        navigate(BranchAdoptionsView.class);
        Grid<Adoption> branch = $(Grid.class).id("branch-adoptions");
        List<String> titles = branch.getGenericDataView().getItems().map(Adoption::methodTitle).toList();
        assertThat(titles).contains("“三抓四比”工作法", "“五对接”工作法");
        assertThat(branch.getGenericDataView().getItems().map(Adoption::branchName).distinct().toList())
                .containsExactly("种植业管理司党支部");

        long sanrongru = published("“三融入”工作法");
        navigate("methods/" + sanrongru, MethodPageView.class);
        Anchor all = $(Anchor.class).id("adoption-all");
        assertThat(all.getHref()).isEqualTo("methods/" + sanrongru + "/adoptions");
        navigate("methods/" + sanrongru + "/adoptions", MethodAdoptionsView.class);
        Grid<Adoption> method = $(Grid.class).id("method-adoptions");
        assertThat(method.getGenericDataView().getItems().map(Adoption::branchName).toList())
                .contains("经济责任审计司党支部", "社会救助司党支部");
    }

    private long published(String title) {
        return methods.find(new MethodFilter(null, null, MethodStatus.PUBLISHED, null, null, false, title),
                new PageRequest(0, 5, "updatedAt", false)).stream().filter(m -> m.title().equals(title)).findFirst()
                .orElseThrow().id();
    }
}
