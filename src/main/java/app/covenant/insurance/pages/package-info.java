/** Extension points of insurance's pages: modules that build on insurance add sections to them. */
@org.springframework.modulith.NamedInterface("pages")
package app.covenant.insurance.pages;
