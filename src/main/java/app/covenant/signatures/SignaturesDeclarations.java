package app.covenant.signatures;

import static app.covenant.platform.modules.PermissionSet.permission;

import app.covenant.platform.modules.PermissionSet;
import app.covenant.platform.modules.PublicPaths;
import app.covenant.platform.ui.StatusTones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signatures module's permissions (ADMIN and SUPER_ADMIN hold every one) and its pages without sign-in:
 * the signing page and its API, which the link's token authorises; and the tones of its statuses.
 */
@Configuration(proxyBeanMethods = false)
class SignaturesDeclarations {

    static final String READ = "signatures:read";
    static final String VERIFY = "signatures:verify";

    @Bean
    PermissionSet signaturePermissions() {
        return PermissionSet.of(
                        permission(READ, "See the organization's signing envelopes, their signers and evidence")
                                .grantedTo("MANAGER"),
                        permission(VERIFY, "Check whether a PDF is a completed, unchanged document we sealed")
                                .grantedTo("MANAGER", "USER", "LEGAL_MANAGER", "LEGAL_HEAD", "FINANCE_MANAGER",
                                        "CONTRACTOR", "SUBCONTRACTOR", "BROKER"))
                .titled("signatures", "Electronic signatures");
    }

    @Bean
    StatusTones signerSigned() {
        return StatusTones.success("SIGNED");
    }

    @Bean
    StatusTones signerAsked() {
        return StatusTones.warning("NOTIFIED", "SEALING");
    }

    @Bean
    StatusTones signerDeclined() {
        return StatusTones.danger("DECLINED");
    }

    @Bean
    PublicPaths signingPublicPaths() {
        return PublicPaths.of("/sign", "/sign/*", "/sign/*/document", "/api/v1/signing/*", "/api/v1/signing/*/decline",
                "/api/v1/signing/*/code");
    }
}
