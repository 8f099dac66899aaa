package app.covenant.identity.internal;

import app.covenant.identity.SystemRole;
import app.covenant.platform.modules.PermissionSet;
import app.covenant.platform.modules.PermissionSet.Permission;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every permission the modules declare ({@link PermissionSet} beans), checked once at startup: a code
 * declared twice or a default role that is not a {@link SystemRole} stops the application with a message
 * naming it. The role editor, the role API and the startup sync read the catalogue from here.
 */
@Component
public class PermissionCatalog {

    /** A declared permission with where the role editor lists it. */
    public record Entry(Permission permission, String area, String groupTitle) {

        public String code() {
            return permission.code();
        }

        public String description() {
            return permission.description();
        }

        public String module() {
            return permission.module();
        }
    }

    private final Map<String, Entry> byCode;

    PermissionCatalog(ObjectProvider<PermissionSet> declared) {
        this.byCode = collect(declared.orderedStream().toList());
    }

    /** Code → entry, in declaration order. */
    static Map<String, Entry> collect(Collection<PermissionSet> declared) {
        Map<String, Entry> byCode = new LinkedHashMap<>();
        Map<String, String> titles = new HashMap<>();
        declared.forEach(set -> titles.putAll(set.titles()));
        Set<String> roles = Arrays.stream(SystemRole.values()).map(Enum::name).collect(Collectors.toSet());
        for (PermissionSet set : declared) {
            for (Permission permission : set.permissions()) {
                Set<String> unknown = new TreeSet<>(permission.defaultRoles());
                unknown.removeAll(roles);
                if (!unknown.isEmpty()) {
                    throw new IllegalStateException("The permission " + permission.code() + " is granted by default to "
                            + unknown + ", which are not system roles (SystemRole: " + new TreeSet<>(roles) + ")");
                }
                Entry entry = new Entry(permission, set.area(), titles.getOrDefault(permission.module(),
                        capitalised(permission.module())));
                if (byCode.putIfAbsent(permission.code(), entry) != null) {
                    throw new IllegalStateException("The permission " + permission.code()
                            + " is declared twice (PermissionSet beans): each permission belongs to one module");
                }
            }
        }
        return byCode;
    }

    /** The declared permissions, in declaration order. */
    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(byCode.values());
    }

    public boolean exists(String code) {
        return byCode.containsKey(code);
    }

    /** The permissions {@code role} gets by default: all for SUPER_ADMIN, all but platform-only for ADMIN. */
    public Set<String> defaultsOf(SystemRole role) {
        return byCode.values().stream().map(Entry::permission)
                .filter(permission -> switch (role) {
                    case SUPER_ADMIN -> true;
                    case ADMIN -> !permission.platformOnly();
                    default -> permission.defaultRoles().contains(role.name());
                })
                .map(Permission::code).collect(Collectors.toUnmodifiableSet());
    }

    private static String capitalised(String module) {
        return Character.toUpperCase(module.charAt(0)) + module.substring(1);
    }
}
