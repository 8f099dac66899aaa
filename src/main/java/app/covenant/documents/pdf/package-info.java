/**
 * PDF helpers other modules build on: {@link app.covenant.documents.pdf.PdfRenderer} turns XHTML
 * (usually a Thymeleaf template the caller rendered) into a PDF with embedded fonts, and
 * {@link app.covenant.documents.pdf.PdfReader} opens untrusted PDFs to read their text, text within
 * an area of a page, AcroForm values and document information.
 *
 * <p>A named interface rather than part of the documents API: insurance (ACORD 25 extraction),
 * contracts and signatures use these without needing anything of document storage. Failures of
 * untrusted input surface as {@link app.covenant.documents.pdf.PdfException}, a problem with a 4xx
 * status, so a web layer answers them without mapping of its own.
 */
@org.springframework.modulith.NamedInterface("pdf")
package app.covenant.documents.pdf;
