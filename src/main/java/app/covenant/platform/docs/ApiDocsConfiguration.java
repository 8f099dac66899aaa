package app.covenant.platform.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's cover: served at {@code /api/docs.json}, browsable at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI covenantOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI().info(new Info()
                .title("Covenant API")
                .version(properties != null ? properties.getVersion() : "development")
                .description("Insurance compliance and contract lifecycle management. Every path under "
                        + "/api/v1 also answers under /api. Errors are application/problem+json (RFC 9457) "
                        + "and carry the request's X-Correlation-ID."));
    }
}
