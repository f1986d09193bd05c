package org.onegrid.staff.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the API documentation (and Swagger UI's Authorize button) that the API takes bearer tokens. */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurity {

    @Bean
    OpenApiCustomizer bearerTokens() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            "bearer",
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .description(
                                            "POST /api/v1/auth/token {\"username\", \"password\"} gives the token"));
            api.addSecurityItem(new SecurityRequirement().addList("bearer"));
        };
    }
}
