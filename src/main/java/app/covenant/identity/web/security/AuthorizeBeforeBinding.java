package app.covenant.identity.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an endpoint's {@code @PreAuthorize} before Spring MVC reads and validates the request, so a
 * caller without the permission learns nothing from field errors: they get {@code 403}, not {@code 400}.
 * Method security still guards the same methods; this only moves the first check earlier.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizeBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            AuthorizationResult result = preAuthorize.authorize(
                    () -> SecurityContextHolder.getContext().getAuthentication(),
                    new SimpleMethodInvocation(method.getBean(), method.getMethod()));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Access Denied");
            }
        }
        return true;
    }
}
