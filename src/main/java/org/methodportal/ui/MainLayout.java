package org.methodportal.ui;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.methodportal.shared.PortalUser;
import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The portal shell: header with product name, search box and user menu; side navigation built from
 * the {@code @Menu} routes the signed-in user may open (their titles are bundle keys).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The path of the page shown last, to tell a new page from new parameters of the same one. */
    private @Nullable String lastPath;

    private final transient AuthenticationContext authentication;
    private final transient LanguagePreference languagePreference;
    private final transient ObjectProvider<UnreadNotifications> unread;
    private final transient List<SearchSuggestions> suggestions;
    private final SideNav nav = new SideNav();
    private final Span unreadBadge = new Span();
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final ComboBox<SearchSuggestions.Suggestion> search = new ComboBox<>();

    MainLayout(AuthenticationContext authentication, LanguagePreference languagePreference,
               ObjectProvider<UnreadNotifications> unread, ObjectProvider<SearchSuggestions> suggestions) {
        this.authentication = authentication;
        this.languagePreference = languagePreference;
        this.unread = unread;
        this.suggestions = suggestions.orderedStream().toList();
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        nav.setId("side-nav");
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("portal-brand");
        addToDrawer(brand, new Scroller(nav));
    }

    private HorizontalLayout header() {
        search.setId("global-search");
        search.setPlaceholder(getTranslation("shell.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setAllowCustomValue(true);
        search.addClassName("portal-search");
        search.setAriaLabel(getTranslation("shell.search.placeholder"));
        search.setItemLabelGenerator(SearchSuggestions.Suggestion::text);
        search.setItems(query -> {
            String filter = query.getFilter().orElse("").strip();
            int offset = query.getOffset();
            int limit = query.getLimit();
            return offset > 0 || filter.isEmpty() || currentUser().isEmpty() ? Stream.empty()
                    : suggestions.stream().flatMap(s -> s.suggest(filter, limit).stream());
        });
        // Enter on typed text: a search. The results page lives in the search module; the shell only knows its route.
        search.addCustomValueSetListener(e -> {
            String text = e.getDetail().strip();
            if (!text.isEmpty()) {
                UI.getCurrent().navigate("search", QueryParameters.of("q", text));
            }
        });
        search.addValueChangeListener(e -> {
            SearchSuggestions.Suggestion picked = e.getValue();
            if (!e.isFromClient() || picked == null) {
                return;
            }
            search.clear();
            if (picked.route() != null) {
                UI.getCurrent().navigate(picked.route());
            } else {
                UI.getCurrent().navigate("search", QueryParameters.of("q", picked.text()));
            }
        });

        HorizontalLayout header = new HorizontalLayout(search);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.addClassName("portal-header");
        currentUser().ifPresent(user -> {
            bell.setId("notification-bell");
            bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            bell.addClickListener(e -> UI.getCurrent().navigate(UnreadNotifications.INBOX_ROUTE));
            bell.setAriaLabel(getTranslation("shell.notifications"));
            bell.setTooltipText(getTranslation("shell.notifications"));
            unreadBadge.setId("notification-count");
            unreadBadge.addClassName("portal-unread");
            HorizontalLayout right = new HorizontalLayout(new Div(bell, unreadBadge), userMenu(user));
            right.setAlignItems(FlexComponent.Alignment.CENTER);
            header.add(right);
        });
        return header;
    }

    private MenuBar userMenu(PortalUser user) {
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Avatar avatar = new Avatar(user.displayName());
        Div trigger = new Div(avatar, new Span(user.displayName()));
        trigger.addClassName("portal-user");
        MenuItem root = menu.addItem(trigger);
        SubMenu sub = root.getSubMenu();
        sub.addItem(getTranslation("shell.user.profile"), e -> UI.getCurrent().navigate("profile")).setId("menu-profile");
        sub.addItem(getTranslation("shell.user.password"), e -> UI.getCurrent().navigate("profile/password"))
                .setId("menu-password");
        MenuItem language = sub.addItem(getTranslation("shell.user.language"));
        language.setId("menu-language");
        for (Locale locale : Languages.ALL) {
            MenuItem item = language.getSubMenu().addItem(Languages.label(locale), e -> switchLanguage(locale));
            item.setId("menu-language-" + locale.getLanguage());
            item.setCheckable(true);
            item.setChecked(locale.equals(getLocale()));
        }
        sub.addItem(getTranslation("shell.user.logout"), e -> authentication.logout()).setId("menu-logout");
        return menu;
    }

    private void switchLanguage(Locale locale) {
        languagePreference.save(locale);
        Languages.rememberForSession(UI.getCurrent().getSession(), locale);
        UI.getCurrent().getPage().reload();
    }

    private Optional<PortalUser> currentUser() {
        return authentication.getAuthenticatedUser(PortalUser.class);
    }

    /**
     * Scrolls every scrolled container around an element back to the top, across the layout's
     * shadow DOM (the element's slot, then the slot's ancestors).
     */
    private static final String SCROLL_TO_TOP = """
            for (let e = this; e; e = e.assignedSlot || e.parentElement
                    || (e.getRootNode() instanceof ShadowRoot ? e.getRootNode().host : null)) {
                if (e.scrollTop) { e.scrollTop = 0; }
            }
            window.scrollTo(0, 0);""";

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // While the user must first change a password or set up a second factor, the pages that do
        // it are all they may use: no search, menu or notifications (the services refuse them too).
        boolean settingUp = currentUser().filter(u -> !u.obligations().isEmpty()).isPresent();
        search.setVisible(!settingUp);
        nav.setVisible(!settingUp);
        if (settingUp) {
            bell.setVisible(false);
            unreadBadge.setVisible(false);
        } else {
            refreshUnread();
        }
        String path = event.getLocation().getPath();
        if (!path.equals(lastPath) && getContent() != null) {
            // another page starts at its top: the layout would keep the scroll offset of the page before
            getContent().getElement().executeJs(SCROLL_TO_TOP);
        }
        lastPath = path;
        if (nav.getItems().isEmpty()) {
            MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(navItem(entry)));
        }
        List<String> paths = nav.getItems().stream().map(SideNavItem::getPath).filter(Objects::nonNull)
                .map(MainLayout::trimSlashes).toList();
        String location = event.getLocation().getPath();
        String section = section(location, paths);
        nav.getItems().forEach(item -> highlightAlsoOn(item, section != null && item.getPath() != null
                && section.equals(trimSlashes(item.getPath())) ? location : null));
    }

    /**
     * Makes the entry highlighted on this location too, or on its own path only. Not through
     * {@code setPathAliases(Set.of())}: that removes the property, and the side-nav item then fails on
     * every navigation in the browser (null.some in its isCurrent check). An empty array keeps it valid.
     */
    private static void highlightAlsoOn(SideNavItem item, @Nullable String location) {
        if (location != null) {
            item.setPathAliases(Set.of(location));
        } else {
            item.getElement().setPropertyJson("pathAliases", JacksonUtils.createArrayNode());
        }
    }

    /**
     * The entry to highlight on a page that has none of its own: the one whose path is the longest
     * prefix of the location ("methods" on "methods/12/history"), so a method page still shows where
     * the user is. Null when an entry matches exactly (its own highlight) or none is a prefix; the
     * home entry's empty path does not count as a prefix.
     */
    static @Nullable String section(String location, Collection<String> paths) {
        String path = trimSlashes(location);
        if (paths.contains(path)) {
            return null;
        }
        return paths.stream().filter(p -> !p.isEmpty() && path.startsWith(p + "/"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    /** Counted on every navigation, so the header follows what the user just read or received. */
    private void refreshUnread() {
        UnreadNotifications counter = unread.getIfAvailable();
        if (counter == null || currentUser().isEmpty()) {
            bell.setVisible(false);
            unreadBadge.setVisible(false);
            return;
        }
        long count = counter.unreadCount();
        bell.setVisible(true);
        unreadBadge.setText(count > 99 ? "99+" : String.valueOf(count));
        unreadBadge.setVisible(count > 0);
        bell.setAriaLabel(getTranslation("shell.notifications-unread", count));
    }

    private SideNavItem navItem(MenuEntry entry) {
        String path = trimSlashes(entry.path());
        SideNavItem item = new SideNavItem(getTranslation(entry.title()), path);
        // Exact matches only: "methods" must not light up on "methods/new", which has its own entry;
        // pages without an entry get an alias in afterNavigation instead.
        item.setMatchNested(false);
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        item.setId("nav-" + (path.isEmpty() ? "home" : path.replace('/', '-')));
        return item;
    }
}
