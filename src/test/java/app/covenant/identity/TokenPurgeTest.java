package app.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.covenant.identity.internal.TokenPurge;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class TokenPurgeTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TokenPurge purge;

    @Test
    void removesOnlyWhatExpiredMoreThanADayAgo() {
        TestTenants.Tenant tenant = TestTenants.create(jdbc);
        SignIn.accessToken(http, tenant.email("USER"));
        SignIn.accessToken(http, tenant.email("ADMIN"));
        jdbc.update("update refresh_tokens set expires_at = current_timestamp - interval '2' day where user_id = ?",
                tenant.userId("USER"));

        TokenPurge.Result result = purge.runNow();

        assertThat(result.refreshTokens()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where user_id = ?", Integer.class,
                tenant.userId("USER"))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where user_id = ?", Integer.class,
                tenant.userId("ADMIN"))).isEqualTo(1);
    }
}
