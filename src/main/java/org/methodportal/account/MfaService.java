package org.methodportal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.methodportal.account.persistence.MfaMapper;
import org.methodportal.account.persistence.MfaRow;
import org.methodportal.shared.CurrentUser;
import org.methodportal.shared.PortalException;
import org.methodportal.shared.PortalUser;
import org.methodportal.shared.SignInObligation;
import org.methodportal.shared.SignInSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;

/**
 * A second sign-in factor: time-based one-time codes (TOTP, RFC 6238: SHA-1, six digits, 30-second
 * steps) from an authenticator app, and ten one-time recovery codes for a lost phone. A code is
 * accepted for the current step and one step either side (clock drift), and a step once only, so
 * a code seen over someone's shoulder cannot be used again. Recovery codes are stored as SHA-256
 * hashes and shown once. The secret is never shown again after the enrolment is confirmed.
 */
@Service
@Transactional(readOnly = true)
public class MfaService {

    private static final Logger log = LoggerFactory.getLogger(MfaService.class);
    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    static final int RECOVERY_CODES = 10;
    private static final int ALLOWED_STEPS_EITHER_SIDE = 1;
    private static final Pattern TOTP_CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private final MfaMapper mfa;
    private final AccountService accounts;
    private final SignInThrottle throttle;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MfaProperties properties;
    private final SecretBox box;
    private final SecretGenerator secrets = new DefaultSecretGenerator();
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

    MfaService(MfaMapper mfa, AccountService accounts, SignInThrottle throttle, CurrentUser currentUser,
               ApplicationEventPublisher events, Clock clock, MfaProperties properties, SecretBox box) {
        this.box = box;
        this.mfa = mfa;
        this.accounts = accounts;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** The signed-in user's second factor. */
    @PreAuthorize("isAuthenticated()")
    @SignInSetup
    public MfaStatus status() {
        PortalUser me = currentUser.require();
        Optional<MfaRow> row = mfa.findByAccount(me.id()).filter(r -> r.enrolledAt() != null);
        return new MfaStatus(row.map(MfaRow::enrolledAt).orElse(null),
                row.isPresent() ? mfa.countUnusedRecoveryCodes(me.id()) : 0, isRequired(me));
    }

    /** Whether the account's roles oblige it to sign in with a second factor. */
    @SignInSetup
    public boolean isRequired(PortalUser user) {
        return properties.requires(user.roles());
    }

    /** Whether the account has a confirmed authenticator, so that sign-in asks for a code. */
    @SignInSetup
    public boolean isEnrolled(long accountId) {
        return mfa.findByAccount(accountId).map(MfaRow::enrolledAt).isPresent();
    }

    /**
     * Starts (or starts again) the signed-in user's enrolment with a new secret; it counts only once
     * confirmed with {@link #confirmEnrolment}.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    @SignInSetup
    public MfaEnrolment startEnrolment() {
        PortalUser me = currentUser.require();
        if (isEnrolled(me.id())) {
            throw PortalException.conflict("mfa.already-enrolled");
        }
        mfa.deletePending(me.id());
        String secret = secrets.generate();
        mfa.insert(me.id(), box.seal(secret), clock.instant());
        String uri = new QrData.Builder().label(me.login()).secret(secret).issuer(properties.issuer())
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
        return new MfaEnrolment(uri, QrCodeImage.svgDataUri(uri), grouped(secret));
    }

    /**
     * Confirms the started enrolment with a first code from the app; returns the ten recovery codes,
     * which are not shown again.
     */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    @SignInSetup
    public List<String> confirmEnrolment(String code) {
        PortalUser me = currentUser.require();
        MfaRow row = mfa.findByAccount(me.id()).filter(r -> r.enrolledAt() == null)
                .orElseThrow(() -> PortalException.conflict("mfa.not-started"));
        long step = matchingStep(box.open(row.secret()), code).orElseThrow(() -> PortalException.invalid("mfa.code-wrong"));
        if (mfa.confirm(me.id(), clock.instant(), step) == 0) {
            throw PortalException.conflict("mfa.already-enrolled");
        }
        List<String> recovery = renewRecoveryCodes(me.id());
        events.publishEvent(new MfaEvent.MfaEnrolled(me.id(), me.login()));
        me.fulfil(SignInObligation.ENROL_SECOND_FACTOR);
        log.info("second factor enrolled for {}", me.login());
        return recovery;
    }

    /** Replaces the signed-in user's recovery codes; needs a current code from the app. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public List<String> renewRecoveryCodes(String code) {
        PortalUser me = currentUser.require();
        requireCurrentCode(me, code);
        List<String> recovery = renewRecoveryCodes(me.id());
        events.publishEvent(new MfaEvent.RecoveryCodesRenewed(me.id(), me.login()));
        return recovery;
    }

    /** Turns the signed-in user's second factor off, when their roles do not require it; needs a current code. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public void disable(String code) {
        PortalUser me = currentUser.require();
        if (isRequired(me)) {
            throw PortalException.forbidden("mfa.required");
        }
        requireCurrentCode(me, code);
        remove(me.id());
        events.publishEvent(new MfaEvent.MfaDisabled(me.id(), me.login()));
        log.info("second factor turned off by {}", me.login());
    }

    /** An administrator removes an account's authenticator and recovery codes, e.g. after a lost phone. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reset(long accountId) {
        AccountSummary account = accounts.get(accountId);
        if (!isEnrolled(accountId)) {
            throw PortalException.conflict("mfa.not-enrolled");
        }
        remove(accountId);
        events.publishEvent(new MfaEvent.MfaReset(accountId, account.login()));
        log.info("second factor of {} reset by {}", account.login(), currentUser.require().login());
    }

    /**
     * Checks the second step of a sign-in: a code from the app or an unused recovery code (used up
     * by this). Failures count in the sign-in throttle like wrong passwords, so codes cannot be
     * guessed; throws {@link SignInThrottledException} while the login must wait.
     */
    @Transactional
    public boolean verifySignIn(String login, String code, @Nullable String clientAddress) {
        try (SignInThrottle.Admission admission = throttle.admit(login, clientAddress)) {
            Optional<MfaRow> row = accounts.loadPrincipal(login)
                    .flatMap(user -> mfa.findByAccount(user.id())).filter(r -> r.enrolledAt() != null);
            boolean valid = row.isPresent() && accepts(row.get(), login, code, clientAddress);
            if (valid) {
                throttle.recordSuccess(login, clientAddress);
            } else {
                throttle.recordFailure(login, clientAddress);
                events.publishEvent(new LoginEvent.LoginFailed(login, LoginEvent.Reason.BAD_CODE, clientAddress));
            }
            return valid;
        }
    }

    private boolean accepts(MfaRow row, String login, String code, @Nullable String clientAddress) {
        String compact = compact(code);
        if (TOTP_CODE.matcher(compact).matches()) {
            OptionalLong step = matchingStep(box.open(row.secret()), compact);
            return step.isPresent() && mfa.useTimeStep(row.accountId(), step.getAsLong()) > 0;
        }
        if (compact.isEmpty() || compact.length() > 64
                || mfa.useRecoveryCode(row.accountId(), ApiTokenService.hash(compact.toLowerCase(Locale.ROOT)),
                        clock.instant()) == 0) {
            return false;
        }
        int remaining = mfa.countUnusedRecoveryCodes(row.accountId());
        events.publishEvent(new MfaEvent.RecoveryCodeUsed(row.accountId(), login, remaining, clientAddress));
        log.info("recovery code used by {}, {} left", login, remaining);
        return true;
    }

    private void requireCurrentCode(PortalUser me, String code) {
        MfaRow row = mfa.findByAccount(me.id()).filter(r -> r.enrolledAt() != null)
                .orElseThrow(() -> PortalException.conflict("mfa.not-enrolled"));
        OptionalLong step = matchingStep(box.open(row.secret()), compact(code));
        if (step.isEmpty() || mfa.useTimeStep(me.id(), step.getAsLong()) == 0) {
            throw PortalException.invalid("mfa.code-wrong");
        }
    }

    /** Encrypts the secrets stored before they were encrypted; at start, before anyone signs in. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void sealPlainSecrets() {
        List<MfaRow> plain = mfa.findPlainSecrets();
        plain.forEach(row -> mfa.updateSecret(row.accountId(), box.seal(row.secret())));
        if (!plain.isEmpty()) {
            log.info("encrypted {} stored second-factor secrets", plain.size());
        }
    }

    private void remove(long accountId) {
        mfa.deleteRecoveryCodes(accountId);
        mfa.delete(accountId);
    }

    private List<String> renewRecoveryCodes(long accountId) {
        mfa.deleteRecoveryCodes(accountId);
        List<String> fresh = Arrays.asList(recoveryCodes.generateCodes(RECOVERY_CODES));
        mfa.insertRecoveryCodes(accountId,
                fresh.stream().map(c -> ApiTokenService.hash(compact(c).toLowerCase(Locale.ROOT))).toList(),
                clock.instant());
        return fresh;
    }

    /** The time step, within the allowed drift, whose code this is. */
    private OptionalLong matchingStep(String secret, String code) {
        String compact = compact(code);
        if (!TOTP_CODE.matcher(compact).matches()) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        for (long step = now - ALLOWED_STEPS_EITHER_SIDE; step <= now + ALLOWED_STEPS_EITHER_SIDE; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
                    compact.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    private String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("a stored secret is valid Base32", e);
        }
    }

    /** Spaces and hyphens are for reading; people type codes with or without them. */
    private static String compact(@Nullable String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "");
    }

    private static String grouped(String secret) {
        return String.join(" ", secret.split("(?<=\\G.{4})"));
    }
}
