/**
 * Who sees which insurance records, as SQL predicates ({@code InsuranceViewer}), and the names around certificates
 * and brokers ({@code InsuranceNames}): published for modules that show insurance data.
 */
@org.springframework.modulith.NamedInterface("access")
package app.covenant.insurance.access;
