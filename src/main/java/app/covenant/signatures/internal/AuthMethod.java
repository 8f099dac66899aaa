package app.covenant.signatures.internal;

/** How a signer proved who they are when they acted. */
enum AuthMethod { LINK, LINK_AND_CODE, SIGNED_IN, SYSTEM }
