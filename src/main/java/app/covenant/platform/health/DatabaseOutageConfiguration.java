package app.covenant.platform.health;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts every data source of the application behind {@link FailFastDataSource}. */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

    @Bean
    static DatabaseOutage databaseOutage(ObjectProvider<Clock> clock) {
        return new DatabaseOutage(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    static BeanPostProcessor failFastDataSources(ObjectProvider<DatabaseOutage> outage) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof FailFastDataSource)
                        ? new FailFastDataSource(pool, outage.getObject()) : bean;
            }
        };
    }
}
