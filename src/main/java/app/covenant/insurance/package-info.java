/**
 * Insurance compliance for general contractors: the certificates of insurance (COI) their subcontractors'
 * brokers supply, checked against the project's insurance program. Today it holds the pure compliance engine
 * ({@code compliance}: requirements, program tiers by trade, certificate snapshots, findings, overrides) and
 * the COI and contractor insurance statuses; contractors, projects, programs, brokers, the COI workflow and
 * its pages will join it (issue 10), widening the dependencies below.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package app.covenant.insurance;
