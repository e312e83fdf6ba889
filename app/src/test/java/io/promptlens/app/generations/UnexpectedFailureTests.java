package io.promptlens.app.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.promptlens.app.support.Problems;
import io.promptlens.app.system.IntakeProperties;
import io.promptlens.core.compiler.PromptCompiler;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A failure nobody planned for is a plain 500: logged on the server, never shown to the client. */
// The filters (security) are not what this test is about: it is the controller's error path.
@WebMvcTest(GenerationController.class)
@AutoConfigureMockMvc(addFilters = false)
class UnexpectedFailureTests {

  @Autowired MockMvc mvc;
  @MockitoBean GenerationService generations;

  @TestConfiguration
  @EnableConfigurationProperties(IntakeProperties.class)
  static class Compiler {
    @Bean
    PromptCompiler promptCompiler() {
      return new PromptCompiler();
    }
  }

  @Test
  void anInternalErrorIsAGeneric500WithoutItsMessageOrClass() throws Exception {
    given(generations.fromAnalysis(any(), any(), any()))
        .willThrow(new IllegalStateException("connection to db-primary:5432 refused"));

    MvcResult result =
        mvc.perform(
                post("/api/v1/prompts")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .content("{\"analysisId\": \"" + UUID.randomUUID() + "\"}"))
            .andReturn();

    String body = result.getResponse().getContentAsString();
    assertThat(result.getResponse().getStatus()).isEqualTo(500);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(body).contains("Something went wrong").doesNotContain("db-primary");
    Problems.assertRevealsNothing(body);
  }
}
