/**
 * Keeps the files of every workflow: checks an upload by its bytes (type, size, optional virus scan),
 * stores it under a generated key on local disk, S3 or Azure Blob with its SHA-256 and version chain,
 * and serves it only to callers the owning module's {@link app.covenant.documents.DocumentAccessPolicy}
 * lets read the owning record.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform", "platform :: ui", "platform :: jobs",
        "platform :: modules", "audit"})
package app.covenant.documents;
