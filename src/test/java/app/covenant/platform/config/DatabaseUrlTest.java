package app.covenant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://postgres@127.0.0.1:5432/covenant                                       | jdbc:postgresql://127.0.0.1:5432/covenant                                   | postgres |        |    |
            postgres://app:s3cr%40t@db.internal/covenant                                        | jdbc:postgresql://db.internal:5432/covenant                                 | app      | s3cr@t |    |
            postgresql://app:a+b%2Fc%3D@db/covenant                                             | jdbc:postgresql://db:5432/covenant                                          | app      | a+b/c= |    |
            postgresql://u:p@db:6432/cov?schema=public&connection_limit=20&pool_timeout=10&sslmode=require | jdbc:postgresql://db:6432/cov?currentSchema=public&sslmode=require | u        | p      | 20 | 10000
            postgresql://u:p@db/cov?connect_timeout=5&pgbouncer=true&application_name=covenant  | jdbc:postgresql://db:5432/cov?connectTimeout=5&ApplicationName=covenant      | u        | p      |    |
            postgresql://u@[::1]:5432/cov                                                       | jdbc:postgresql://[::1]:5432/cov                                            | u        |        |    |
            jdbc:postgresql://db:5432/cov?user=x                                                | jdbc:postgresql://db:5432/cov?user=x                                        |          |        |    |
            """)
    void translatesTheSourceGuidesUrlIntoJdbcAndPoolSettings(String url, String jdbcUrl, String username,
            String password, Integer poolSize, Long connectionTimeoutMs) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);

        assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(parsed.username()).isEqualTo(username);
        assertThat(parsed.password()).isEqualTo(password);
        assertThat(parsed.maximumPoolSize()).isEqualTo(poolSize);
        assertThat(parsed.connectionTimeoutMs()).isEqualTo(connectionTimeoutMs);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mysql://u:hunter2secret@db/cov                          | must start with postgresql://
            postgresql://u:hunter2secret@db                         | has no database name
            postgresql://u:hunter2secret@db/cov?connection_limit=0  | connection_limit=0
            postgresql://u:hunter2secret@db/cov?pool_timeout=soon   | pool_timeout=soon
            postgresql://u:hunter2secret@db/cov?sslmode=always      | sslmode=always
            postgresql://u:hunter2secret@/cov                       | has no host
            """)
    void explainsWhatIsWrongWithoutRevealingThePassword(String url, String expectedReason) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining(expectedReason)
                .message().doesNotContain("hunter2secret");
    }

    @ParameterizedTest
    @CsvSource({"postgresql://u:hunter2secret@db/cov"})
    void neverPrintsThePassword(String url) {
        assertThat(DatabaseUrl.parse(url).toString()).doesNotContain("hunter2secret");
    }
}
