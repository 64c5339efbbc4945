package org.methodportal.account;

import java.util.Locale;

import org.methodportal.ui.LanguagePreference;
import org.springframework.stereotype.Component;

/** Saves the shell's language switch on the signed-in account. */
@Component
class AccountLanguagePreference implements LanguagePreference {

    private final AccountService accounts;

    AccountLanguagePreference(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void save(Locale locale) {
        accounts.changeOwnLocale(locale);
    }
}
