package app.covenant.insurance.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a demo ACORD 25 certificate says: who issued it (the producer, the broker's agency), whom it insures,
 * its policies, the description of operations and the certificate holder.
 */
record SampleCertificate(LocalDate issued, Party producer, String producerContact, String producerPhone,
                         String producerEmail, Party insured, List<SamplePolicy> policies, String operations,
                         Party holder, String authorizedRepresentative) {

    /** A name and its postal address lines. */
    record Party(String name, List<String> address) {
    }

    /** An insurer of the certificate with the letter the coverage lines refer to it by (A–F). */
    record Insurer(String letter, String name, String naic) {
    }

    SampleCertificate {
        policies = List.copyOf(policies);
    }

    /** The insurers in the order their policies appear, one letter each. */
    List<Insurer> insurers() {
        Map<String, Insurer> byName = new LinkedHashMap<>();
        for (SamplePolicy policy : policies) {
            byName.computeIfAbsent(policy.insurerName(), name -> new Insurer(String.valueOf((char) ('A' + byName.size())),
                    name, policy.naic()));
        }
        if (byName.size() > 6) {
            throw new IllegalStateException("An ACORD 25 lists at most six insurers (A–F)");
        }
        return new ArrayList<>(byName.values());
    }
}
