package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Only a rendered page gets the header's model: not a JSON answer, not a redirect. */
class PageModelTests {

  @Test
  void aNamedViewIsAPage() {
    assertThat(PageModel.renders(new ModelAndView("history"))).isTrue();
  }

  @Test
  void aJsonAnswerHasNoModelAndViewAndIsNoPage() {
    assertThat(PageModel.renders(null)).isFalse();
  }

  @Test
  void aRedirectByNameOrByViewIsNoPage() {
    assertThat(PageModel.renders(new ModelAndView("redirect:/sign-in"))).isFalse();
    assertThat(PageModel.renders(new ModelAndView(new RedirectView("/sign-in")))).isFalse();
  }
}
