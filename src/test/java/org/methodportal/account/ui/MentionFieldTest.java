package org.methodportal.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.methodportal.account.AccountService;
import org.methodportal.account.MentionCandidate;
import org.methodportal.shared.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;

/** The "@" autocomplete on the real account search, as a member (any signed-in user may mention). */
@ServiceTest
@WithUserDetails("member")
@ViewPackages(classes = ProfileView.class)
class MentionFieldTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    @Test
    void pickingASuggestionHandsAtLoginToTheCallbackAndEmptiesTheField() {
        List<String> mentions = new ArrayList<>();
        MentionField field = new MentionField(accounts, mentions::add);
        UI.getCurrent().add(field);

        test(field).setFilter("secre");
        List<MentionCandidate> suggestions = test(field).getSuggestionItems();
        assertThat(suggestions).extracting(MentionCandidate::login).contains("secretary", "secretary2")
                .hasSizeLessThanOrEqualTo(AccountService.MENTION_LIMIT);
        MentionCandidate secretary = suggestions.stream().filter(c -> c.login().equals("secretary")).findFirst()
                .orElseThrow();
        test(field).selectItem(secretary.displayName());

        assertThat(mentions).containsExactly("@secretary ");
        assertThat(field.getValue()).isNull();
    }

    @Test
    void insertingIntoATextAreaAppendsTheMentionAfterASpace() {
        TextArea text = new TextArea();
        text.setValue("请");
        MentionField field = MentionField.insertingInto(accounts, text);
        UI.getCurrent().add(text, field);

        field.setValue(new MentionCandidate("reviewer", "王审核", "预算司党支部"));
        field.setValue(new MentionCandidate("reviewer2", "赵评审", "预算司党支部"));

        assertThat(text.getValue()).isEqualTo("请 @reviewer @reviewer2 ");
        assertThat(MentionField.append("", "@a1 ")).isEqualTo("@a1 ");
    }
}
