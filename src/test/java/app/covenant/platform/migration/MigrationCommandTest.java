package app.covenant.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.support.TestDatabases;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --migrate-only} migrates an empty PostgreSQL database and returns, serving nothing — and refuses,
 * migrating nothing, a configuration the application itself would refuse.
 */
class MigrationCommandTest {

    @Test
    void migratesAndExitsWithoutStartingAServer() throws Exception {
        String url = TestDatabases.createFresh();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        MigrationCommand.run(new String[] {MigrationCommand.FLAG, "--spring.datasource.url=" + url,
                "--server.port=" + port, "--REDIS_URL="});

        assertThat(migrations(url)).startsWith("1", "1.1", "2");
        try (ServerSocket stillFree = new ServerSocket(port)) {
            assertThat(stillFree.isBound()).as("no web server was started").isTrue();
        }
    }

    @Test
    void refusesAConfigurationTheApplicationWouldRefuseBeforeMigratingAnything() throws Exception {
        String url = TestDatabases.createFresh();

        assertThatThrownBy(() -> MigrationCommand.run(new String[] {MigrationCommand.FLAG,
                "--spring.datasource.url=" + url, "--REDIS_URL=", "--STORAGE_PROVIDER=s3", "--EMAIL_PROVIDER=smtp"}))
                .hasStackTraceContaining("STORAGE_PROVIDER=s3 needs AWS_S3_BUCKET");

        try (Connection connection = DriverManager.getConnection(url);
             ResultSet tables = connection.getMetaData().getTables(null, "public", "flyway_schema_history", null)) {
            assertThat(tables.next()).as("nothing was migrated").isFalse();
        }
    }

    @Test
    void recognisesTheFlag() {
        assertThat(MigrationCommand.isRequested(new String[] {"--migrate-only"})).isTrue();
        assertThat(MigrationCommand.isRequested(new String[] {"--server.port=1"})).isFalse();
    }

    private static List<String> migrations(String url) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery(
                     "select version from flyway_schema_history where success order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }
}
