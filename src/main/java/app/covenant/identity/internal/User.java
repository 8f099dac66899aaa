package app.covenant.identity.internal;

import app.covenant.platform.crypto.EncryptedStringConverter;
import app.covenant.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A person who signs in. E-mail is unique regardless of case; the phone number is encrypted at rest. */
@Entity
@Table(name = "users")
class User extends AssignedIdEntity {

    public enum Status { INVITED, ACTIVE, DEACTIVATED }

    @Column(nullable = false)
    private String email;
    @Column(nullable = false, unique = true)
    private String emailNormalized;
    @Column(nullable = false)
    private String name;
    @Convert(converter = EncryptedStringConverter.class)
    private String phone;
    private String passwordHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private boolean emailVerified;
    private boolean mustChangePassword;
    private Instant lastSignInAt;
    private Instant passwordChangedAt;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;

    protected User() {
    }

    public User(String email, String name, Status status, Instant now) {
        this.email = email.trim();
        this.emailNormalized = normalize(email);
        this.name = name;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String phone() {
        return phone;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Status status() {
        return status;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public void changePassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.passwordChangedAt = now;
        this.mustChangePassword = false;
        this.updatedAt = now;
    }

    public void activate(String newName, Instant now) {
        this.name = newName;
        this.status = Status.ACTIVE;
        this.emailVerified = true;
        this.updatedAt = now;
    }

    public void verifyEmail(Instant now) {
        this.emailVerified = true;
        this.updatedAt = now;
    }

    public void signedIn(Instant now) {
        this.lastSignInAt = now;
    }

    public void updateProfile(String newName, String newPhone, Instant now) {
        this.name = newName;
        this.phone = newPhone;
        this.updatedAt = now;
    }

    public void deactivate(Instant now) {
        this.status = Status.DEACTIVATED;
        this.updatedAt = now;
    }

    public void reactivate(Instant now) {
        this.status = passwordHash == null ? Status.INVITED : Status.ACTIVE;
        this.updatedAt = now;
    }
}
