package io.promptlens.app.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and the authentication schemes of the description served at {@code /api/docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI promptLensApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("PromptLens API")
                .version("v1")
                .description(
                    "Images in, prompts out. Anonymous \"try it\" endpoints need nothing; workspace"
                        + " endpoints need a browser session (with the X-XSRF-TOKEN header) or a"
                        + " workspace API key as 'Authorization: Bearer pl_…'. Errors are"
                        + " application/problem+json. POSTs honour Idempotency-Key."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A workspace API key (pl_…), shown once when created"))
                .addSecuritySchemes(
                    "session",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("SESSION")
                        .description(
                            "The web app's session, from signing in (__Host-SESSION over"
                                + " https)")));
  }
}
