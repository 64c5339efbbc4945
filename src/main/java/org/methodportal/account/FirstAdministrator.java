package org.methodportal.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.OwnerOnlyFiles;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalProperties;
import org.methodportal.shared.Role;
import org.methodportal.shared.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The first administrator of an installation whose database has no account (a production start;
 * the embedded quick start has the demo accounts instead). Either the command line names one
 * ({@link SetupProperties#adminLogin()}: created at start with a random password, printed once, to
 * be changed at the first sign-in), or the portal prints a one-time setup key and the setup page
 * creates the administrator for whoever has it, so that no one else who reaches the page first can.
 * Wrong keys count in the sign-in throttle. A second factor follows at the first sign-in, since
 * administrators are required to have one by default.
 */
@Service
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    /** The throttle's name for attempts at the setup key (no login can contain '#'). */
    static final String THROTTLE_NAME = "#setup";
    private static final String KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** Under {@code portal.data-dir}, while the key is valid. */
    static final String KEY_FILE = "setup-key.txt";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final AccountService accounts;
    private final OrganisationService organisation;
    private final SignInThrottle throttle;
    private final SystemAuthentication system;
    private final TransactionOperations transaction;
    private final SetupProperties properties;
    private final Environment environment;
    private final PortalProperties portal;
    private final SecureRandom random = new SecureRandom();
    private volatile @Nullable String setupKey;
    private volatile boolean accountsExist;

    FirstAdministrator(AccountService accounts, OrganisationService organisation, SignInThrottle throttle,
                       SystemAuthentication system, TransactionOperations transaction, SetupProperties properties,
                       Environment environment, PortalProperties portal) {
        this.portal = portal;
        this.accounts = accounts;
        this.organisation = organisation;
        this.throttle = throttle;
        this.system = system;
        this.transaction = transaction;
        this.properties = properties;
        this.environment = environment;
    }

    /** Whether no one can sign in yet because there is no account at all. */
    public boolean needed() {
        if (!accountsExist && accounts.anyAccountExists()) {
            accountsExist = true;
        }
        return !accountsExist;
    }

    /** After the demo data (if any) is loaded, and after the start-up announcement. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void atStart() {
        if (!needed()) {
            return;
        }
        if (properties.adminLogin() != null && !properties.adminLogin().isBlank()) {
            createFromCommandLine(properties.adminLogin());
            return;
        }
        String key = grouped(randomText(KEY_ALPHABET, 20));
        setupKey = key;
        writeKeyFile(key);
        log.warn("""


                  No account exists yet. Open {}setup and create the first administrator with this
                  one-time setup key (valid until this instance stops; also in {}):

                      {}

                """, baseUrl(), keyFile(), key);
    }

    /** Beside the database, readable by the portal's own user only, for an operator without the log. */
    private void writeKeyFile(String key) {
        Path file = keyFile();
        try {
            OwnerOnlyFiles.write(file, key + System.lineSeparator());
        } catch (IOException e) {
            log.warn("could not write the setup key to {}: {}", file, e.getMessage());
        }
    }

    private void deleteKeyFile() {
        try {
            Files.deleteIfExists(keyFile());
        } catch (IOException e) {
            log.warn("could not delete {}: {}", keyFile(), e.getMessage());
        }
    }

    private Path keyFile() {
        return portal.dataDir().resolve(KEY_FILE);
    }

    /**
     * Creates the first administrator from the setup page. Throws {@link PortalException} saying
     * what is wrong (the key, a field, the password policy), a conflict once the portal has an
     * account, or {@link SignInThrottledException} after too many wrong keys.
     */
    public AccountSummary create(FirstAdministratorForm form, @Nullable String clientAddress) {
        try (SignInThrottle.Admission admission = throttle.admit(THROTTLE_NAME, clientAddress)) {
            String expected = setupKey;
            if (!needed()) {
                throw PortalException.conflict("setup.done");
            }
            if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    normaliseKey(form.setupKey()).getBytes(StandardCharsets.US_ASCII))) {
                throttle.recordFailure(THROTTLE_NAME, clientAddress);
                throw PortalException.invalid("setup.key-wrong");
            }
            requireText(form.login());
            requireText(form.displayName());
            requireText(form.departmentName());
            requireText(form.branchName());
            AccountSummary admin = createAdministrator(form.login(), form.displayName(), form.departmentName(),
                    form.branchName(), form.password(), false);
            throttle.recordSuccess(THROTTLE_NAME, clientAddress);
            setupKey = null;
            deleteKeyFile();
            log.info("first administrator {} created through the setup page", admin.login());
            return admin;
        }
    }

    private void createFromCommandLine(String login) {
        String password = String.join("-", IntStream.range(0, 4)
                .mapToObj(i -> randomText(PASSWORD_ALPHABET, 5)).toList());
        AccountSummary admin = createAdministrator(login, login, properties.department(), properties.branch(),
                password, true);
        log.warn("""


                  First administrator created: {} (password "{}", shown only now).
                  Sign in at {}login; the portal then asks for a new password and a second factor.

                """, admin.login(), password, baseUrl());
    }

    /** One at a time, so that two requests cannot both find the database empty. */
    private synchronized AccountSummary createAdministrator(String login, String displayName, String department,
                                                            String branch, String password, boolean mustChange) {
        if (!needed()) {
            throw PortalException.conflict("setup.done");
        }
        AccountSummary admin = system.callAsSystem(() -> transaction.execute(status -> {
            Branch home = organisation.findOrCreateBranch(department, branch);
            return accounts.create(new AccountForm(login, displayName, home.id(), EnumSet.of(Role.ADMIN, Role.MEMBER),
                    Set.of()), password, mustChange);
        }));
        accountsExist = true;
        return admin;
    }

    /** The key as printed, whatever case or spacing it was typed in. */
    private static String normaliseKey(@Nullable String typed) {
        String compact = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return compact.length() == 20 ? grouped(compact) : compact;
    }

    private static void requireText(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw PortalException.invalid("setup.field-required");
        }
    }

    private String randomText(String alphabet, int length) {
        return random.ints(length, 0, alphabet.length()).mapToObj(i -> String.valueOf(alphabet.charAt(i)))
                .collect(Collectors.joining());
    }

    private static String grouped(String key) {
        return String.join("-", key.split("(?<=\\G.{5})"));
    }

    private String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port", "8080")
                + environment.getProperty("server.servlet.context-path", "") + "/";
    }
}
