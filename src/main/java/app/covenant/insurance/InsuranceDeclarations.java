package app.covenant.insurance;

import static app.covenant.platform.modules.PermissionSet.permission;

import app.covenant.platform.modules.PermissionSet;
import app.covenant.platform.ui.NavigationItem;
import app.covenant.platform.ui.NavigationItem.Area;
import app.covenant.platform.ui.StatusTones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The insurance module's permissions, links and status colours. Who holds a permission decides which
 * actions a role may take; which records it may take them on is the relationship of
 * {@link app.covenant.insurance.access.InsuranceViewer} (a GC's people, a sub's people, a named broker).
 */
@Configuration(proxyBeanMethods = false)
class InsuranceDeclarations {

    private static final String[] PARTIES = {"MANAGER", "CONTRACTOR", "SUBCONTRACTOR", "BROKER"};

    @Bean
    PermissionSet insurancePermissions() {
        return PermissionSet.of(
                        permission("insurance:all", "See every insurance record of the organization, not only one's own "
                                + "companies' and certificates").grantedTo("MANAGER"),
                        permission("contractor:read", "See contractors").grantedTo(PARTIES),
                        permission("contractor:write", "Add and edit contractors, link people to them")
                                .grantedTo("MANAGER", "CONTRACTOR"),
                        permission("project:read", "See projects").grantedTo(PARTIES),
                        permission("project:write", "Create and edit projects, assign subcontractors")
                                .grantedTo("MANAGER", "CONTRACTOR"),
                        permission("program:read", "See insurance programs (requirements)").grantedTo("MANAGER", "CONTRACTOR"),
                        permission("program:write", "Create and edit insurance programs, assign them to projects")
                                .grantedTo("MANAGER"),
                        permission("broker:read", "Search known brokers").grantedTo("MANAGER", "CONTRACTOR", "SUBCONTRACTOR"),
                        permission("coi:read", "See certificates of insurance").grantedTo(PARTIES),
                        permission("coi:request", "Request certificates and renewals").grantedTo("MANAGER", "CONTRACTOR"),
                        permission("coi:broker-info", "Name the brokers of a certificate")
                                .grantedTo("MANAGER", "SUBCONTRACTOR"),
                        permission("coi:upload", "Upload certificates, policy documents and policy details")
                                .grantedTo("MANAGER", "SUBCONTRACTOR", "BROKER"),
                        permission("coi:attest", "Attest (sign) an upload as the named broker").grantedTo("BROKER"),
                        permission("coi:review", "Approve or reject certificates, override findings").grantedTo("MANAGER"),
                        permission("insurance-report:read", "See insurance reports and export them")
                                .grantedTo("MANAGER", "CONTRACTOR"))
                .inArea("Insurance")
                .titled("insurance", "Insurance records")
                .titled("contractor", "Contractors")
                .titled("project", "Projects")
                .titled("program", "Insurance programs")
                .titled("broker", "Brokers")
                .titled("coi", "Certificates of insurance")
                .titled("insurance-report", "Insurance reports");
    }

    @Bean
    NavigationItem insuranceDashboardNavigation() {
        return new NavigationItem(Area.INSURANCE, "Insurance overview", "/insurance", "umbrella", 5, "coi:read");
    }

    @Bean
    NavigationItem certificatesNavigation() {
        return new NavigationItem(Area.INSURANCE, "Certificates", "/insurance/certificates", "certificate", 10, "coi:read");
    }

    @Bean
    NavigationItem reviewQueueNavigation() {
        return new NavigationItem(Area.INSURANCE, "Review queue", "/insurance/review", "check", 20, "coi:review");
    }

    @Bean
    NavigationItem projectsNavigation() {
        return new NavigationItem(Area.INSURANCE, "Projects", "/insurance/projects", "folder", 30, "project:read");
    }

    @Bean
    NavigationItem contractorsNavigation() {
        return new NavigationItem(Area.INSURANCE, "Contractors", "/insurance/contractors", "briefcase", 40, "contractor:read");
    }

    @Bean
    NavigationItem programsNavigation() {
        return new NavigationItem(Area.INSURANCE, "Programs", "/insurance/programs", "list", 50, "program:read");
    }

    @Bean
    NavigationItem insuranceReportsNavigation() {
        return new NavigationItem(Area.INSURANCE, "Reports", "/insurance/reports", "chart", 60, "insurance-report:read");
    }

    @Bean
    StatusTones insuranceInForce() {
        return StatusTones.success("COMPLIANT", "COMPLETED");
    }

    @Bean
    StatusTones insuranceNeedsAction() {
        return StatusTones.danger("DEFICIENCY_PENDING", "NON_COMPLIANT", "EXPIRED");
    }

    @Bean
    StatusTones insuranceUnderway() {
        return StatusTones.info("PLANNING");
    }

    @Bean
    StatusTones insurancePaused() {
        return StatusTones.warning("ON_HOLD");
    }

    @Bean
    StatusTones insuranceClosed() {
        return StatusTones.neutral("CANCELLED");
    }
}
