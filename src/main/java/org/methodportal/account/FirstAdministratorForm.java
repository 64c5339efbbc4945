package org.methodportal.account;

/**
 * What the setup page asks of whoever installs the portal: the setup key printed at start, and
 * the first administrator's login, name, unit and password.
 */
public record FirstAdministratorForm(String setupKey, String login, String displayName, String departmentName,
                                     String branchName, String password) {

    /** Keeps the password out of any log line that prints the form. */
    @Override
    public String toString() {
        return "FirstAdministratorForm[login=" + login + "]";
    }
}
