package app.covenant.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.support.IntegrationTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.beans.spi.ManagedBeanRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.hibernate.SpringBeanContainer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the real PostgreSQL: what lands in a column is {@code enc:v1:…}, and Hibernate builds
 * {@link EncryptedStringConverter} through Spring with the application's {@link FieldEncryptor} injected,
 * so it decrypts current, rotated and legacy values on read.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "covenant.crypto.key=" + EncryptedColumnIntegrationTest.KEY,
        "covenant.crypto.salt=" + EncryptedColumnIntegrationTest.SALT,
        "covenant.crypto.previous-keys=" + EncryptedColumnIntegrationTest.RETIRED_KEY + "@" + EncryptedColumnIntegrationTest.RETIRED_SALT})
class EncryptedColumnIntegrationTest {

    static final String KEY = "it-Ab3Cd5Ef7Gh9Ij2Kl4Mn6Op8Qr0St";
    static final String SALT = "it-salt-Uv1Wx3Yz5";
    static final String RETIRED_KEY = "it-old-Zy9Xw7Vu5Ts3Rq1Po8Nm6Lk4";
    static final String RETIRED_SALT = "it-old-salt-Ji2Hg4";

    @Autowired
    EntityManager entityManager;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    FieldEncryptor fieldEncryptor;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void createScratchTable() {
        transactions.executeWithoutResult(status -> entityManager.createNativeQuery(
                "create table if not exists crypto_probe (id int primary key, secret varchar(2000))").executeUpdate());
        jdbc.update("delete from crypto_probe");
    }

    @AfterEach
    void dropScratchTable() {
        jdbc.execute("drop table if exists crypto_probe");
    }

    @Test
    void hibernateGetsTheConverterFromSpringWithTheEncryptorInjected() {
        ManagedBeanRegistry beans = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getManagedBeanRegistry();

        EncryptedStringConverter converter = beans.getBean(EncryptedStringConverter.class).getBeanInstance();

        assertThat(beans.getBeanContainer()).isInstanceOf(SpringBeanContainer.class);
        assertThat(ReflectionTestUtils.getField(converter, "encryptor")).isSameAs(fieldEncryptor);
    }

    @Test
    void theColumnHoldsOnlyTheEncryptedFormWrittenWithTheConfiguredKey() {
        EncryptedStringConverter converter = converterFromHibernate();
        String plaintext = "EIN 12-3456789 · Ünïcödé ✓";

        jdbc.update("insert into crypto_probe (id, secret) values (?, ?)", 1, converter.convertToDatabaseColumn(plaintext));
        jdbc.update("insert into crypto_probe (id, secret) values (?, ?)", 2, converter.convertToDatabaseColumn(null));

        String stored = jdbc.queryForObject("select secret from crypto_probe where id = 1", String.class);
        assertThat(stored).startsWith("enc:v1:" + FieldKey.derive(new KeySecret(KEY, SALT)).id() + ":")
                .doesNotContain("3456789");
        assertThat(fieldEncryptor.decrypt(stored)).isEqualTo(plaintext);
        assertThat(converter.convertToEntityAttribute(stored)).isEqualTo(plaintext);
        assertThat(jdbc.queryForObject("select secret from crypto_probe where id = 2", String.class)).isNull();
    }

    @Test
    void hibernateDecryptsCurrentRotatedAndLegacyValuesThroughTheConverter() {
        String retired = new FieldEncryptor(new KeySecret(RETIRED_KEY, RETIRED_SALT), List.of()).encrypt("written before rotation");
        jdbc.update("insert into crypto_probe (id, secret) values (1, ?), (2, ?), (3, ?), (4, null)",
                fieldEncryptor.encrypt("written now"), retired, "legacy plaintext 555-0100");

        List<Object> read = transactions.execute(status -> entityManager.unwrap(Session.class)
                .createNativeQuery("select secret from crypto_probe order by id", Object.class)
                .addScalar("secret", String.class, String.class, EncryptedStringConverter.class)
                .getResultList());

        assertThat(read).containsExactly("written now", "written before rotation", "legacy plaintext 555-0100", null);
    }

    private EncryptedStringConverter converterFromHibernate() {
        return entityManagerFactory.unwrap(SessionFactoryImplementor.class).getManagedBeanRegistry()
                .getBean(EncryptedStringConverter.class).getBeanInstance();
    }
}
