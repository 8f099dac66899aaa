/** HTTP conventions other modules build on: problem responses and the request's correlation id. */
@org.springframework.modulith.NamedInterface("http")
package app.covenant.platform.http;
