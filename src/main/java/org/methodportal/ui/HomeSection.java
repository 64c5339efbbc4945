package org.methodportal.ui;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;

/** One block of the home page as every {@link HomeBlock} draws it: a title, a short list or its empty state, a link to the full list. */
public class HomeSection extends Section {

    /** Items a block shows at most; the link leads to the rest. */
    public static final int ITEMS = 5;

    public HomeSection(String id, String title, List<? extends Component> items, String empty,
                       @Nullable String moreHref, @Nullable String moreText) {
        setId(id);
        addClassName("home-block");
        add(new H3(title));
        if (items.isEmpty()) {
            Paragraph none = new Paragraph(empty);
            none.addClassName("home-empty");
            add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.addClassName("home-items");
            items.forEach(item -> list.add(new ListItem(item)));
            add(list);
        }
        if (moreHref != null && moreText != null) {
            Anchor more = new Anchor(moreHref, moreText);
            more.addClassName("home-more");
            add(more);
        }
    }
}
