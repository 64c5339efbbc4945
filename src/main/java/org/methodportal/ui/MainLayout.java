package org.methodportal.ui;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.methodportal.shared.PortalUser;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
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

    private final transient AuthenticationContext authentication;
    private final transient LanguagePreference languagePreference;
    private final SideNav nav = new SideNav();

    MainLayout(AuthenticationContext authentication, LanguagePreference languagePreference) {
        this.authentication = authentication;
        this.languagePreference = languagePreference;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        nav.setId("side-nav");
        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("portal-brand");
        addToDrawer(brand, new Scroller(nav));
    }

    private HorizontalLayout header() {
        TextField search = new TextField();
        search.setId("global-search");
        search.setPlaceholder(getTranslation("shell.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.addClassName("portal-search");
        search.addKeyPressListener(Key.ENTER, e -> Notifications.success(getTranslation("shell.search.coming")));

        HorizontalLayout header = new HorizontalLayout(search);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.addClassName("portal-header");
        currentUser().ifPresent(user -> header.add(userMenu(user)));
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

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (nav.getItems().isEmpty()) {
            MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(navItem(entry)));
        }
        List<String> paths = nav.getItems().stream().map(SideNavItem::getPath).filter(Objects::nonNull)
                .map(MainLayout::trimSlashes).toList();
        String location = event.getLocation().getPath();
        String section = section(location, paths);
        nav.getItems().forEach(item -> item.setPathAliases(section != null && item.getPath() != null
                && section.equals(trimSlashes(item.getPath())) ? Set.of(location) : Set.of()));
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
