package org.methodportal.method.ui;

import java.util.ArrayList;
import java.util.List;

import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * An ordered list of texts (measures, steps): one text area per entry with buttons to move it up
 * or down and to remove it, and a button to add an entry. The order on screen is the order saved.
 */
@NamedInterface("item-list-field")
public class ItemListField extends VerticalLayout {

    public final List<TextArea> items = new ArrayList<>();
    public final Button add;
    public final Span error = new Span();
    private final String idPrefix;
    private final String label;
    private final int maxLength;
    private final VerticalLayout rows = new VerticalLayout();
    private final Runnable onChange;

    ItemListField(String idPrefix, String label, int maxLength, Runnable onChange) {
        this.idPrefix = idPrefix;
        this.label = label;
        this.maxLength = maxLength;
        this.onChange = onChange;
        setId(idPrefix);
        setPadding(false);
        setSpacing(false);
        rows.setPadding(false);
        Span heading = new Span(label);
        heading.addClassName("method-item-list-label");
        // Looks like the label of the other fields.
        heading.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500");
        add = new Button(getTranslation("method.editor.item-add"), VaadinIcon.PLUS.create(), e -> {
            addItem("").focus();
            onChange.run();
        });
        add.setId(idPrefix + "-add");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        error.setId(idPrefix + "-error");
        error.addClassName("method-item-list-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        error.setVisible(false);
        add(heading, rows, error, add);
        setWidthFull();
    }

    /** The non-blank entries in their order. */
    public List<String> values() {
        return items.stream().map(TextArea::getValue).filter(v -> !v.isBlank()).toList();
    }

    /** Replaces all entries; an empty list shows one empty entry to type into. */
    public void setValues(List<String> values) {
        items.clear();
        rows.removeAll();
        values.forEach(this::addItem);
        if (items.isEmpty()) {
            addItem("");
        }
    }

    public void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    public void clearError() {
        error.setText("");
        error.setVisible(false);
    }

    private TextArea addItem(String value) {
        TextArea area = new TextArea();
        area.setMaxLength(maxLength);
        area.setValue(value);
        area.setWidthFull();
        area.setValueChangeMode(ValueChangeMode.LAZY);
        area.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.run();
            }
        });
        items.add(area);
        render();
        return area;
    }

    private void move(TextArea area, int delta) {
        int from = items.indexOf(area);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= items.size()) {
            return;
        }
        items.remove(from);
        items.add(to, area);
        render();
        onChange.run();
    }

    private void remove(TextArea area) {
        items.remove(area);
        if (items.isEmpty()) {
            addItem("");
        } else {
            render();
        }
        onChange.run();
    }

    /** Rebuilds the rows so that ids, labels and the enabled move buttons follow the order. */
    private void render() {
        rows.removeAll();
        for (int i = 0; i < items.size(); i++) {
            TextArea area = items.get(i);
            int number = i + 1;
            area.setId(idPrefix + "-" + i);
            area.setAriaLabel(label + " " + number);
            area.setPlaceholder(getTranslation("method.editor.item-placeholder", number));
            Button up = iconButton(VaadinIcon.ARROW_UP, "method.editor.item-up", number, e -> move(area, -1));
            up.setId(idPrefix + "-" + i + "-up");
            up.setEnabled(i > 0);
            Button down = iconButton(VaadinIcon.ARROW_DOWN, "method.editor.item-down", number, e -> move(area, 1));
            down.setId(idPrefix + "-" + i + "-down");
            down.setEnabled(i < items.size() - 1);
            Button remove = iconButton(VaadinIcon.TRASH, "method.editor.item-remove", number, e -> remove(area));
            remove.setId(idPrefix + "-" + i + "-remove");
            HorizontalLayout row = new HorizontalLayout(area, up, down, remove);
            row.setWidthFull();
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            row.setFlexGrow(1, area);
            rows.add(row);
        }
    }

    private Button iconButton(VaadinIcon icon, String key, int number,
                              ComponentEventListener<ClickEvent<Button>> listener) {
        Button button = new Button(icon.create(), listener);
        button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel(getTranslation(key, number));
        button.setTooltipText(getTranslation(key, number));
        return button;
    }
}
