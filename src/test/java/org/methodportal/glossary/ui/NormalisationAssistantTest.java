package org.methodportal.glossary.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.methodportal.account.OrganisationService;
import org.methodportal.glossary.Finding;
import org.methodportal.glossary.GlossaryMatcher;
import org.methodportal.glossary.GlossaryService;
import org.methodportal.glossary.StandardTerm;
import org.methodportal.method.Category;
import org.methodportal.method.MethodContent;
import org.methodportal.method.MethodService;
import org.methodportal.method.ui.MethodForm;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;

/** The assistant beside the form, without a browser: findings per field, replace one or all, ignore, change note. */
class NormalisationAssistantTest {

    private final MethodForm form = new MethodForm(mock(MethodService.class), mock(OrganisationService.class));
    private final GlossaryService glossary = mock(GlossaryService.class);
    private NormalisationAssistant assistant;

    @BeforeEach
    void draftInLocalWording() {
        UI.setCurrent(new UI());
        var matcher = new GlossaryMatcher(List.of(
                term("主题党日", "党日活动", "党日"), term("党员先锋岗", "先锋岗", "挂牌上岗")));
        when(glossary.matcher()).thenReturn(matcher);
        when(glossary.recentMatcher()).thenReturn(matcher);
        form.fill(new MethodContent("“田间党日”工作法", null, Category.MASS_LINE, "先锋岗不亮，党员先锋岗太少", null,
                List.of("每月搞党日活动", "挂牌上岗"), List.of(), null, null, List.of(), null));
        form.changeNote.setValue("补充措施");
        assistant = new NormalisationAssistant(glossary, form);
        assistant.check();
    }

    @AfterEach
    void leaveTheUi() {
        UI.setCurrent(null);
    }

    @Test
    void listsEachLocalWordingOutsideStandardTermsFieldByField() {
        assertThat(assistant.current()).extracting(f -> f.finding().variant())
                .containsExactly("党日", "先锋岗", "党日活动", "挂牌上岗");
        assertThat(assistant.current()).extracting(f -> f.finding().standard())
                .containsExactly("主题党日", "党员先锋岗", "主题党日", "党员先锋岗");
        assertThat(assistant.findings.getChildren().count()).as("one group per field").isEqualTo(4);
        assertThat(assistant.replaceAll.isVisible()).isTrue();
    }

    @Test
    void marksEachWordingInPlaceAndShowsOnlyExcerptsOfALongText() {
        List<Finding> found = List.of(new Finding(null, 0, 3, "先锋岗", "党员先锋岗", "d"));
        Div whole = NormalisationAssistant.marked("先锋岗不亮，党员先锋岗太少", found);
        assertThat(texts(whole)).containsExactly("先锋岗", "不亮，党员先锋岗太少");
        assertThat(whole.getChildren().findFirst().orElseThrow().getElement().getClassList())
                .contains("normalisation-mark");

        String filler = "很".repeat(NormalisationAssistant.WHOLE_TEXT_MAX);
        String text = filler + "搞党日活动" + filler;
        Div excerpt = NormalisationAssistant.marked(text,
                List.of(new Finding(null, filler.length() + 1, filler.length() + 5, "党日活动", "主题党日", "d")));
        assertThat(String.join("", texts(excerpt))).isEqualTo("…" + "很".repeat(15) + "搞党日活动" + "很".repeat(16) + "…");
    }

    @Test
    void replaceAllOfOneFieldLeavesTheOtherFieldsAlone() {
        assistant.replaceAll(assistant.current().get(1).field());
        confirmPreview();

        assertThat(form.problem.getValue()).isEqualTo("党员先锋岗不亮，党员先锋岗太少");
        assertThat(form.title.getValue()).isEqualTo("“田间党日”工作法");
        assertThat(assistant.current()).extracting(f -> f.finding().variant()).containsExactly("党日", "党日活动", "挂牌上岗");
    }

    @Test
    void aWordingKeptInASavedDraftIsStoredWithItAndCanBeTakenBack() {
        when(glossary.keptVariants(42L)).thenReturn(List.of("挂牌上岗"));
        assistant.start(42L);
        assertThat(assistant.current()).extracting(f -> f.finding().variant()).containsExactly("党日", "先锋岗", "党日活动");

        assistant.ignore("党日");
        verify(glossary).keepVariant(42L, "党日");
        assertThat(assistant.keptList.isVisible()).isTrue();

        assistant.release("挂牌上岗");
        verify(glossary).releaseVariant(42L, "挂牌上岗");
        assertThat(assistant.current()).extracting(f -> f.finding().variant()).containsExactly("先锋岗", "党日活动", "挂牌上岗");
    }

    @Test
    void aWordingKeptBeforeTheFirstSaveIsStoredWithTheNewDraft() {
        assistant.start(null);
        assistant.ignore("党日");
        verify(glossary, never()).keepVariant(anyLong(), anyString());

        assistant.saved(7L);

        verify(glossary).keepVariant(7L, "党日");
    }

    private static List<String> texts(Div div) {
        return div.getChildren().map(c -> c.getElement().getText()).toList();
    }

    @Test
    void replacingOneChangesOnlyThatPlaceAndRecordsItInTheChangeNote() {
        assistant.replace(assistant.current().get(1));

        assertThat(form.problem.getValue()).isEqualTo("党员先锋岗不亮，党员先锋岗太少");
        assertThat(form.title.getValue()).isEqualTo("“田间党日”工作法");
        assertThat(form.changeNote.getValue()).startsWith("补充措施；").endsWith("先锋岗→党员先锋岗");
        assertThat(assistant.current()).hasSize(3);
    }

    @Test
    void replaceAllSkipsIgnoredWordingsAndTheNoteListsEachReplacementOnce() {
        assistant.ignore("党日");
        assistant.replaceAll();
        confirmPreview();

        assertThat(form.title.getValue()).as("ignored").isEqualTo("“田间党日”工作法");
        assertThat(form.content().measures()).containsExactly("每月搞主题党日", "党员先锋岗");
        assertThat(form.problem.getValue()).isEqualTo("党员先锋岗不亮，党员先锋岗太少");
        assertThat(assistant.current()).isEmpty();
        assertThat(assistant.replaceAll.isVisible()).isFalse();
        String note = form.changeNote.getValue();
        assertThat(note).startsWith("补充措施；").contains("先锋岗→党员先锋岗", "党日活动→主题党日", "挂牌上岗→党员先锋岗")
                .doesNotContain("党日→");
        assertThat(note.split("补充措施", -1)).as("the author's note is kept once").hasSize(2);
    }

    @Test
    void replaceAllShowsEachFieldBeforeAndAfterAndChangesNothingUntilConfirmed() {
        assistant.replaceAll();

        ReplacePreview preview = (ReplacePreview) assistant.preview;
        assertThat(preview).isNotNull();
        assertThat(preview.isOpened()).isTrue();
        assertThat(form.problem.getValue()).as("not yet").isEqualTo("先锋岗不亮，党员先锋岗太少");
        assertThat(marks(preview, "normalisation-before")).containsExactly("党日", "先锋岗", "党日活动", "挂牌上岗");
        assertThat(marks(preview, "normalisation-after")).containsExactly("主题党日", "党员先锋岗", "主题党日", "党员先锋岗");

        preview.close();
        assertThat(form.problem.getValue()).as("cancelled").isEqualTo("先锋岗不亮，党员先锋岗太少");
        assertThat(form.changeNote.getValue()).isEqualTo("补充措施");
    }

    @Test
    void oneClickUndoesTheWholeReplacementAndItsChangeNote() {
        assistant.replaceAll();
        confirmPreview();
        assertThat(form.content().measures()).containsExactly("每月搞主题党日", "党员先锋岗");
        assertThat(assistant.undo.isVisible()).isTrue();

        assistant.undo.click();

        assertThat(form.title.getValue()).isEqualTo("“田间党日”工作法");
        assertThat(form.problem.getValue()).isEqualTo("先锋岗不亮，党员先锋岗太少");
        assertThat(form.content().measures()).containsExactly("每月搞党日活动", "挂牌上岗");
        assertThat(form.changeNote.getValue()).isEqualTo("补充措施");
        assertThat(assistant.undo.isVisible()).isFalse();
        assertThat(assistant.current()).hasSize(4);
    }

    @Test
    void undoLeavesAFieldEditedSinceAsItIs() {
        assistant.replaceAll();
        confirmPreview();
        form.problem.setValue("党员先锋岗要亮出来");

        assistant.undo.click();

        assertThat(form.problem.getValue()).isEqualTo("党员先锋岗要亮出来");
        assertThat(form.content().measures()).containsExactly("每月搞党日活动", "挂牌上岗");
    }

    /** The marked words of the preview's texts of this kind (before or after), in field order. */
    private static List<String> marks(Component root, String textClass) {
        List<String> marks = new ArrayList<>();
        collect(root, textClass, false, marks);
        return marks;
    }

    private static void collect(Component c, String textClass, boolean inside, List<String> marks) {
        boolean in = inside || c.getClassNames().contains(textClass);
        if (in && c.getClassNames().contains("normalisation-mark")) {
            marks.add(c.getElement().getText());
        }
        c.getChildren().forEach(child -> collect(child, textClass, in, marks));
    }

    private void confirmPreview() {
        ReplacePreview preview = (ReplacePreview) assistant.preview;
        assertThat(preview).as("the preview of the replacement").isNotNull();
        preview.confirm.click();
    }

    private static StandardTerm term(String standard, String... variants) {
        return new StandardTerm(1, standard, List.of(variants), standard + "的定义", null, List.of(), 0, Instant.EPOCH);
    }
}
