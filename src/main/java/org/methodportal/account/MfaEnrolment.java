package org.methodportal.account;

/**
 * A started enrolment: the otpauth:// URI for an authenticator app, the same as a QR code image
 * ({@code data:} URI), and the secret grouped in fours for typing it in by hand.
 */
public record MfaEnrolment(String otpauthUri, String qrCodeDataUri, String manualKey) {
}
