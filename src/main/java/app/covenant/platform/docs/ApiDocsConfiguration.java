package app.covenant.platform.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document's cover: served at {@code /api/docs.json}, browsable at {@code /api/docs}. Its
 * operations are completed by rule in {@link OperationConventions} and {@link ModuleTags}, so a new module's
 * controllers only add their summaries.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI covenantOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        Components components = new Components()
                .addSecuritySchemes(OperationConventions.BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("The access token from POST /api/v1/auth/login (or /refresh), sent as "
                                + "`Authorization: Bearer <token>`. Browsers are signed in by cookie instead."));
        ProblemResponses.addTo(components);
        return new OpenAPI()
                .info(new Info()
                        .title("Covenant API")
                        .version(properties != null ? properties.getVersion() : "development")
                        .description("Insurance compliance and contract lifecycle management. Every path under "
                                + "/api/v1 also answers under /api. Errors are application/problem+json (RFC 9457) "
                                + "and carry the request's X-Correlation-ID."))
                // Relative: the document describes the server that serves it, whatever its public address.
                .servers(List.of(new Server().url("/").description("This server")))
                .components(components);
    }

    @Bean
    OperationConventions operationConventions(Environment environment) {
        return new OperationConventions(new PagingParameters(
                environment.getProperty("spring.data.web.pageable.default-page-size", Integer.class, 20),
                environment.getProperty("spring.data.web.pageable.max-page-size", Integer.class, 2000)));
    }

    @Bean
    ModuleTags moduleTags() {
        return new ModuleTags();
    }
}
