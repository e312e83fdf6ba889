package io.promptlens.app.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * The description served at {@code /api/docs}: title, authentication schemes, and for every
 * operation the security it really needs, its real success status and the problem+json errors it
 * can answer. Nothing here restates the rules: who may call an operation is asked of the security
 * configuration itself, and the success status follows from the handler's declaration (a test
 * compares both with the route table of the authorisation matrix).
 */
@Configuration(proxyBeanMethods = false)
// Only a web app has a filter chain to ask (the one-shot operator command runs without one).
@ConditionalOnWebApplication
class OpenApiConfiguration {

  static final String API_KEY = "apiKey";
  static final String SESSION = "session";
  private static final String PROBLEM = "#/components/schemas/Problem";

  @Bean
  OpenAPI promptLensApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("PromptLens API")
                .version("v1")
                .description(
                    "Images in, prompts out. Anonymous \"try it\" endpoints need nothing; workspace"
                        + " endpoints need a workspace API key as 'Authorization: Bearer pl_…'"
                        + " (use Authorize above) or a browser session (with the X-XSRF-TOKEN"
                        + " header). Errors are application/problem+json (RFC 9457). POSTs honour"
                        + " Idempotency-Key."))
        .components(
            new Components()
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A workspace API key (pl_…), shown once when created"))
                .addSecuritySchemes(
                    SESSION,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("SESSION")
                        .description(
                            "The web app's session, from signing in (__Host-SESSION over"
                                + " https); state-changing calls also need the X-XSRF-TOKEN"
                                + " header")));
  }

  /**
   * The success status the handler answers: its {@code @ResponseStatus}; 204 for a {@code
   * ResponseEntity<Void>}; 201 for a POST that answers a {@code ResponseEntity} with a body (a
   * created resource with its Location); otherwise 200.
   */
  @Bean
  OperationCustomizer successStatus() {
    return (operation, handler) -> {
      int status = successStatus(handler);
      ApiResponses responses = operation.getResponses();
      if (status != 200 && responses != null && responses.containsKey("200")) {
        ApiResponse ok = responses.remove("200");
        if (status == 204) {
          ok.setContent(null);
        }
        ok.setDescription(HttpStatus.valueOf(status).getReasonPhrase());
        responses.put(Integer.toString(status), ok);
      }
      return operation;
    };
  }

  static int successStatus(HandlerMethod handler) {
    ResponseStatus declared =
        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
    if (declared != null) {
      return declared.code().value();
    }
    if (!ResponseEntity.class.equals(handler.getMethod().getReturnType())) {
      return 200;
    }
    Type returned = handler.getMethod().getGenericReturnType();
    if (returned instanceof ParameterizedType entity
        && Void.class.equals(entity.getActualTypeArguments()[0])) {
      return 204;
    }
    return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PostMapping.class) ? 201 : 200;
  }

  /**
   * Security and errors per operation. Whether an operation is open is asked of the security
   * configuration (anonymous caller, the path with its variables filled), so the description cannot
   * drift from what the filter chain does.
   */
  @Bean
  OpenApiCustomizer securityAndErrors(WebInvocationPrivilegeEvaluator access) {
    AnonymousAuthenticationToken anonymous =
        new AnonymousAuthenticationToken(
            "openapi", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    return api -> {
      api.getComponents().addSchemas("Problem", problemSchema());
      for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
        String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        for (Map.Entry<PathItem.HttpMethod, Operation> entry :
            path.getValue().readOperationsMap().entrySet()) {
          Operation operation = entry.getValue();
          boolean open = access.isAllowed("", concrete, entry.getKey().name(), anonymous);
          operation.setSecurity(
              open
                  ? List.of()
                  : List.of(
                      new SecurityRequirement().addList(API_KEY),
                      new SecurityRequirement().addList(SESSION)));
          errors(operation, open, path.getKey().contains("{"));
        }
      }
    };
  }

  private static void errors(Operation operation, boolean open, boolean namesAResource) {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put("400", "The request is malformed or a value is out of range");
    if (!open) {
      errors.put("401", "No valid API key or session");
      errors.put("403", "The key's scope or the caller's role does not allow this");
    }
    if (namesAResource) {
      errors.put("404", "No such resource in this workspace");
    }
    boolean upload =
        operation.getRequestBody() != null
            && operation.getRequestBody().getContent() != null
            && operation.getRequestBody().getContent().containsKey("multipart/form-data");
    if (upload) {
      errors.put("413", "The file is larger than the limit");
      errors.put("415", "Not an image format the app reads");
      errors.put("422", "The image cannot be decoded (corrupt, truncated or hostile)");
    }
    errors.put("429", "Rate limit reached; see Retry-After");
    errors.put("503", "Busy or the database is unreachable; see Retry-After");
    for (Map.Entry<String, String> error : errors.entrySet()) {
      operation
          .getResponses()
          .putIfAbsent(
              error.getKey(),
              new ApiResponse()
                  .description(error.getValue())
                  .content(
                      new Content()
                          .addMediaType(
                              "application/problem+json",
                              new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    Schema problem = new Schema<>().type("object").description("RFC 9457 problem details");
    problem.addProperty("type", new Schema<>().type("string"));
    problem.addProperty("title", new Schema<>().type("string"));
    problem.addProperty("status", new Schema<>().type("integer"));
    problem.addProperty("detail", new Schema<>().type("string"));
    problem.addProperty("instance", new Schema<>().type("string"));
    return problem;
  }
}
