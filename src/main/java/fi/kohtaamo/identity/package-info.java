/**
 * Identity: staff accounts, roles and scopes, sign-in (with throttling) and the current
 * {@link fi.kohtaamo.shared.Actor} of a request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package fi.kohtaamo.identity;
