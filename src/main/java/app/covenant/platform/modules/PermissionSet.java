package app.covenant.platform.modules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The permissions a module declares, as a bean of its own configuration. Identity collects every
 * {@code PermissionSet} into the permission catalogue at startup, grants each new permission to the
 * system roles it names (SUPER_ADMIN gets every permission and ADMIN every one that is not platform-only,
 * without being named) and removes permissions no module declares any more.
 *
 * <pre>{@code
 * @Bean
 * PermissionSet documentPermissions() {
 *     return PermissionSet.of(
 *             permission("document:read", "Download documents of records one can see").grantedTo("MANAGER", "USER"),
 *             permission("document:manage", "Delete any document of the organization's library"))
 *             .titled("document", "Documents");
 * }
 * }</pre>
 */
public final class PermissionSet {

    /** Where the role editor lists a set unless it says otherwise. */
    public static final String ADMINISTRATION = "Administration";

    private final List<Permission> permissions;
    private final String area;
    private final Map<String, String> titles;

    private PermissionSet(List<Permission> permissions, String area, Map<String, String> titles) {
        if (permissions.isEmpty()) {
            throw new IllegalArgumentException("A permission set declares at least one permission");
        }
        this.permissions = List.copyOf(permissions);
        this.area = Objects.requireNonNull(area, "area");
        this.titles = Map.copyOf(titles);
    }

    public static PermissionSet of(Permission... permissions) {
        return new PermissionSet(Arrays.asList(permissions), ADMINISTRATION, Map.of());
    }

    /** The same set, listed by the role editor under another area heading, e.g. {@code "Insurance"}. */
    public PermissionSet inArea(String area) {
        return new PermissionSet(permissions, area, titles);
    }

    /**
     * The same set, its permissions starting with {@code module:} grouped under {@code title} in the role
     * editor (otherwise the capitalised prefix).
     */
    public PermissionSet titled(String module, String title) {
        Map<String, String> all = new LinkedHashMap<>(titles);
        all.put(module, title);
        return new PermissionSet(permissions, area, all);
    }

    public List<Permission> permissions() {
        return permissions;
    }

    public String area() {
        return area;
    }

    /** Module prefix → group title, for the prefixes this set titles. */
    public Map<String, String> titles() {
        return titles;
    }

    /** A permission an organization's administrator may grant to any role. */
    public static Permission permission(String code, String description) {
        return new Permission(code, description, Set.of(), false);
    }

    /**
     * A permission about the whole platform rather than one organization (every organization's jobs,
     * metrics, audit chain): only SUPER_ADMIN holds it, so a tenant's administrator can neither use nor grant it.
     */
    public static Permission platformOnly(String code, String description) {
        return new Permission(code, description, Set.of(), true);
    }

    /**
     * One permission.
     *
     * @param code         {@code module:action} (lower case, more {@code :parts} allowed), what {@code @PreAuthorize} names
     * @param description  what it allows, as the role editor shows it
     * @param defaultRoles codes of the system roles that get it by default, e.g. {@code MANAGER}
     * @param platformOnly held by SUPER_ADMIN only
     */
    public record Permission(String code, String description, Set<String> defaultRoles, boolean platformOnly) {

        private static final Pattern CODE = Pattern.compile("[a-z][a-z-]*(:[a-z][a-z-]*)+");

        public Permission {
            Objects.requireNonNull(code, "code");
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("A permission code reads module:action in lower case: " + code);
            }
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("The permission " + code + " needs a description");
            }
            defaultRoles = Set.copyOf(defaultRoles);
            if (platformOnly && !defaultRoles.isEmpty()) {
                throw new IllegalArgumentException("The platform-only permission " + code
                        + " belongs to SUPER_ADMIN alone; it cannot be granted to " + defaultRoles);
            }
        }

        /** The same permission, also granted by default to these system roles (codes such as {@code "MANAGER"}). */
        public Permission grantedTo(String... roles) {
            Set<String> all = new java.util.HashSet<>(defaultRoles);
            all.addAll(Arrays.asList(roles));
            return new Permission(code, description, all, platformOnly);
        }

        /** The part before the first colon: {@code document} for {@code document:read}. */
        public String module() {
            return code.substring(0, code.indexOf(':'));
        }
    }
}
