/** Security defaults (headers, CORS, statelessness) the identity module builds its filter chain on. */
@org.springframework.modulith.NamedInterface("security")
package app.covenant.platform.security;
