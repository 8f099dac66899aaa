package app.covenant.contracts.internal;

import app.covenant.contracts.templates.Annexure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a contract says at one version: details, body and annexures (sanitised HTML), variable values, the uploaded
 * paper's document (null for a drafted contract) and the text searched ({@code searchText}: body and annexures as a
 * reader sees them, or the paper's extracted text).
 */
record ContractContent(CheckedDetails details, String bodyHtml, List<Annexure> annexures,
                       Map<String, String> variables, UUID documentId, String searchText) {

    ContractContent {
        bodyHtml = bodyHtml == null ? "" : bodyHtml;
        annexures = annexures == null ? List.of() : List.copyOf(annexures);
        variables = variables == null ? Map.of() : new LinkedHashMap<>(variables);
        searchText = searchText == null ? "" : searchText;
    }

    /** Hex SHA-256 of the body's UTF-8 bytes (CLM.md: "SHA-256 of the body"). */
    String bodySha256() {
        return sha256(bodyHtml);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
