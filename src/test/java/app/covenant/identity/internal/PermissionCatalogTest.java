package app.covenant.identity.internal;

import static app.covenant.platform.modules.PermissionSet.permission;
import static app.covenant.platform.modules.PermissionSet.platformOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.platform.modules.PermissionSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the modules declare is checked once, at startup, with a message that names the mistake. */
class PermissionCatalogTest {

    @Test
    void aCodeDeclaredTwiceStopsTheStart() {
        List<PermissionSet> declared = List.of(PermissionSet.of(permission("coi:read", "See certificates")),
                PermissionSet.of(permission("coi:read", "See certificates of insurance")));

        assertThatThrownBy(() -> PermissionCatalog.collect(declared)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("coi:read is declared twice");
    }

    @Test
    void anUnknownDefaultRoleStopsTheStart() {
        List<PermissionSet> declared = List.of(PermissionSet.of(permission("coi:read", "See").grantedTo("REVIEWER")));

        assertThatThrownBy(() -> PermissionCatalog.collect(declared)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("coi:read").hasMessageContaining("[REVIEWER]");
    }

    @Test
    void badDeclarationsAreRefusedWhereTheyAreWritten() {
        assertThatThrownBy(() -> permission("Coi.Read", "See")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> permission("coi:read", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> platformOnly("job:manage", "Jobs").grantedTo("ADMIN"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SUPER_ADMIN alone");
    }

    @Test
    void groupsAreTitledByTheirDeclaration() {
        var entries = PermissionCatalog.collect(List.of(
                PermissionSet.of(permission("coi:read", "See"), permission("coi:review", "Review")).inArea("Insurance")
                        .titled("coi", "Certificates of insurance"),
                PermissionSet.of(permission("reminder:read", "See reminders"))));

        assertThat(entries.get("coi:review").area()).isEqualTo("Insurance");
        assertThat(entries.get("coi:review").groupTitle()).isEqualTo("Certificates of insurance");
        assertThat(entries.get("reminder:read").area()).isEqualTo(PermissionSet.ADMINISTRATION);
        assertThat(entries.get("reminder:read").groupTitle()).isEqualTo("Reminder");
    }
}
