package app.covenant.insurance.certificates;

import java.time.Instant;
import java.util.UUID;

/** A reviewer's override of a finding as stored; {@code line} is {@code ANY} for a certificate-wide finding. */
record StoredOverride(String code, String line, String reason, UUID by, Instant at) {
}
