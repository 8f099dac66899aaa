/** Who sees which insurance records, as SQL predicates: published for modules that show insurance data. */
@org.springframework.modulith.NamedInterface("access")
package app.covenant.insurance.access;
