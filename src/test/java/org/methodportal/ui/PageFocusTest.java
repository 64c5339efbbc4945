package org.methodportal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

class PageFocusTest {

    @Test
    void aLinkNamesAnElementOfThePage() {
        assertThat(PageFocus.of(new Location("methods/7", QueryParameters.of("focus", "comment-42"))))
                .contains("comment-42");
        assertThat(PageFocus.of(new Location("methods/7", QueryParameters.of("focus", "method-reviews"))))
                .contains("method-reviews");
    }

    @Test
    void anythingElseIsIgnored() {
        assertThat(PageFocus.of(new Location("methods/7"))).isEmpty();
        assertThat(PageFocus.of(new Location("methods/7", QueryParameters.of("focus", "")))).isEmpty();
        assertThat(PageFocus.of(new Location("methods/7", QueryParameters.of("focus", "x');alert(1)//")))).isEmpty();
        assertThat(PageFocus.of(new Location("methods/7", QueryParameters.of("focus", "Comment-1")))).isEmpty();
        assertThat(PageFocus.of(new Location("methods/7", QueryParameters.of("focus", "c" + "1".repeat(60))))).isEmpty();
    }
}
