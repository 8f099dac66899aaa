package app.covenant.platform.jobs;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The name under which this node picks executions and records runs ({@code job_runs.node}). db-scheduler
 * names a node by its host by default, so two nodes on one host looked like one: the process id tells
 * them apart ({@code host:pid}). {@code db-scheduler.scheduler-name} still names a node explicitly.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerNodeName {

    @Bean
    DbSchedulerCustomizer nodeNameCustomizer(ObjectProvider<DbSchedulerProperties> properties) {
        DbSchedulerProperties settings = properties.getIfAvailable();
        String configured = settings == null ? null : settings.getSchedulerName();
        String name = configured == null || configured.isBlank() ? ofThisProcess() : configured.strip();
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(name));
            }
        };
    }

    static String ofThisProcess() {
        return hostName() + ":" + ProcessHandle.current().pid();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
