package fi.kohtaamo.identity.internal;

/**
 * A password form as sent by the browser: the own-password change (all three fields) or setting a
 * new password for another account (only {@link #newPassword}). Never rendered back into a page.
 */
public class PasswordForm {

    public String currentPassword;
    public String newPassword;
    public String passwordConfirm;
}
