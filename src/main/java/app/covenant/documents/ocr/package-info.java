/**
 * OCR other modules build on: {@link app.covenant.documents.ocr.Tesseract} runs the Tesseract command line as a
 * process of its own (an image in, words with their boxes or plain text out, one thread, a time limit).
 *
 * <p>A named interface rather than part of the documents API, like {@code documents :: pdf}: insurance (scanned
 * ACORD 25 certificates) and contracts (scanned third-party paper) each configure their own command and time limit
 * and keep what they do with the words to themselves.
 */
@org.springframework.modulith.NamedInterface("ocr")
package app.covenant.documents.ocr;
