package org.methodportal.account;

import org.jspecify.annotations.Nullable;

/** Something that happened to an account; the trail names the account by its login. */
public sealed interface AccountEvent extends OrganisationEvent {

    long accountId();

    String login();

    @Override
    default String objectType() {
        return "account";
    }

    @Override
    default String objectId() {
        return login();
    }

    /** An administrator created the account with the given branch, roles and reviewed departments. */
    record AccountCreated(long accountId, String login, String assignments) implements AccountEvent {
        @Override
        public String detail() {
            return assignments;
        }
    }

    /** An administrator changed the account's name, branch, roles or reviewed departments. */
    record AccountUpdated(long accountId, String login, String assignments) implements AccountEvent {
        @Override
        public String detail() {
            return assignments;
        }
    }

    record AccountEnabled(long accountId, String login) implements AccountEvent {
    }

    record AccountDisabled(long accountId, String login) implements AccountEvent {
    }

    /** An administrator set a new password for the account. */
    record PasswordReset(long accountId, String login) implements AccountEvent {
    }

    /** The owner changed their own password. */
    record PasswordChanged(long accountId, String login) implements AccountEvent {
    }

    /** The owner chose the language given as a BCP 47 tag. */
    record LocaleChanged(long accountId, String login, String languageTag) implements AccountEvent {
        @Override
        public String detail() {
            return languageTag;
        }
    }

    /** The owner turned automatic watching of the methods they take part in on or off. */
    record AutoWatchChanged(long accountId, String login, boolean autoWatch) implements AccountEvent {
        @Override
        public @Nullable String detail() {
            return String.valueOf(autoWatch);
        }
    }
}
