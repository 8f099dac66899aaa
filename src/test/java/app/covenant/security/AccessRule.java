package app.covenant.security;

import app.covenant.identity.SystemRole;
import app.covenant.identity.internal.PermissionCatalog;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Who may call an endpoint, derived from its own declaration: {@code @PermitAll} (everyone, also
 * anonymous) or {@code @PreAuthorize} with an expression this class understands. The roles allowed
 * by {@code hasAuthority('x')} are the system roles whose default permissions, as the modules declare
 * them ({@link PermissionCatalog#defaultsOf}), contain x. Anything else is refused, so a new style of rule
 * needs a line here before its endpoints can pass.
 *
 * @param declaration what the endpoint declares, for messages
 * @param permitAll   reachable without signing in
 * @param roles       the system roles that may call it
 */
record AccessRule(String declaration, boolean permitAll, Set<String> roles) {

    /** The ten system roles, in declaration order. */
    static final List<String> ROLES = Arrays.stream(SystemRole.values()).map(Enum::name).toList();

    private static final Pattern AUTHORITY = Pattern.compile("hasAuthority\\(\\s*'([^']+)'\\s*\\)");
    private static final Pattern ANY_AUTHORITY = Pattern.compile("hasAnyAuthority\\(((?:\\s*'[^']+'\\s*,?)+)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final List<Class<? extends Annotation>> NOT_UNDERSTOOD =
            List.of(RolesAllowed.class, DenyAll.class, Secured.class, PostAuthorize.class);

    /** Thrown when the endpoint declares nothing, or something this class has no rule for. */
    static final class Undeclared extends RuntimeException {
        Undeclared(String message) {
            super(message);
        }
    }

    boolean allows(String role) {
        return roles.contains(role);
    }

    static AccessRule of(HandlerMethod handler, PermissionCatalog catalog) {
        AccessRule onMethod = declaredOn(handler.getMethod(), catalog);
        if (onMethod != null) {
            return onMethod;
        }
        AccessRule onClass = declaredOn(ClassUtils.getUserClass(handler.getBeanType()), catalog);
        if (onClass != null) {
            return onClass;
        }
        throw new Undeclared("declares neither @PreAuthorize nor @PermitAll (method or class)");
    }

    private static AccessRule declaredOn(AnnotatedElement element, PermissionCatalog catalog) {
        for (Class<? extends Annotation> type : NOT_UNDERSTOOD) {
            if (AnnotatedElementUtils.hasAnnotation(element, type)) {
                throw new Undeclared("uses @" + type.getSimpleName()
                        + ", which the authorization matrix has no rule for: use @PreAuthorize or @PermitAll,"
                        + " or teach AccessRule the new style");
            }
        }
        PreAuthorize preAuthorize = AnnotatedElementUtils.findMergedAnnotation(element, PreAuthorize.class);
        boolean permitAll = AnnotatedElementUtils.hasAnnotation(element, PermitAll.class);
        if (preAuthorize != null && permitAll) {
            throw new Undeclared("declares both @PermitAll and @PreAuthorize: say one thing");
        }
        if (permitAll) {
            return new AccessRule("@PermitAll", true, Set.copyOf(ROLES));
        }
        return preAuthorize == null ? null : parse(preAuthorize.value(), catalog);
    }

    /** {@code isAuthenticated()}, {@code hasAuthority('x')}, {@code hasAnyAuthority('x', 'y')}, {@code denyAll()}, joined by one kind of {@code or} / {@code and}. */
    static AccessRule parse(String expression, PermissionCatalog catalog) {
        String trimmed = expression.trim();
        boolean or = Pattern.compile("\\s+or\\s+").matcher(trimmed).find();
        boolean and = Pattern.compile("\\s+and\\s+").matcher(trimmed).find();
        if (or && and) {
            throw new Undeclared("@PreAuthorize(\"" + expression + "\") mixes 'and' and 'or'; AccessRule has no rule for it");
        }
        Set<String> roles = null;
        for (String term : trimmed.split("\\s+(?:or|and)\\s+")) {
            Set<String> allowed = term(term.trim(), expression, catalog);
            if (roles == null) {
                roles = new LinkedHashSet<>(allowed);
            } else if (or) {
                roles.addAll(allowed);
            } else {
                roles.retainAll(allowed);
            }
        }
        return new AccessRule("@PreAuthorize(\"" + expression + "\")", false, Set.copyOf(roles));
    }

    private static Set<String> term(String term, String expression, PermissionCatalog catalog) {
        if (term.equals("isAuthenticated()") || term.equals("isFullyAuthenticated()")) {
            return Set.copyOf(ROLES);
        }
        if (term.equals("denyAll()")) {
            return Set.of();
        }
        Matcher single = AUTHORITY.matcher(term);
        if (single.matches()) {
            return holding(single.group(1), expression, catalog);
        }
        Matcher any = ANY_AUTHORITY.matcher(term);
        if (any.matches()) {
            Set<String> roles = new LinkedHashSet<>();
            Matcher quoted = QUOTED.matcher(any.group(1));
            while (quoted.find()) {
                roles.addAll(holding(quoted.group(1), expression, catalog));
            }
            return roles;
        }
        throw new Undeclared("@PreAuthorize(\"" + expression + "\"): the authorization matrix does not understand '"
                + term + "'; add a rule for it to AccessRule");
    }

    private static Set<String> holding(String permission, String expression, PermissionCatalog catalog) {
        if (!catalog.exists(permission)) {
            throw new Undeclared("@PreAuthorize(\"" + expression + "\") names '" + permission
                    + "', which no module declares (a PermissionSet bean)");
        }
        return Arrays.stream(SystemRole.values()).filter(role -> catalog.defaultsOf(role).contains(permission))
                .map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
