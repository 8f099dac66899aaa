package app.covenant.notifications.internal;

/** A message as it will be sent: subject, plain-text body and HTML body, all final. */
record RenderedEmail(String subject, String text, String html) {
}
