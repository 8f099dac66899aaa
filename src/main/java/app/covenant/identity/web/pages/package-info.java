/**
 * The identity module's pages: sign-in and the e-mailed links (reset, invitation, verification), one's
 * own account (password, sessions, organization switch) and the administration of users, roles,
 * organizations and feature flags, built on the platform's web kit ({@code platform.ui}). Thin controllers
 * over the services of {@code identity.internal}; every handler declares its permission like the REST controllers do. Forms post, then redirect
 * (POST-redirect-GET) with a {@code done} flag that names the success message; there is no server session.
 */
package app.covenant.identity.web.pages;
