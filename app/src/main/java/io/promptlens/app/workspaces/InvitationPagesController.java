package io.promptlens.app.workspaces;

import io.promptlens.app.accounts.AccountUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The page an invitation link opens: who invites you where, and an accept button. */
@Controller
record InvitationPagesController(Invitations invitations) {

  @GetMapping("/invitations/{token}")
  String show(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("invitation", invitations.find(token).orElse(null));
    return "workspaces/invitation";
  }

  @PostMapping("/invitations/{token}")
  String accept(@PathVariable String token, @AuthenticationPrincipal @Nullable AccountUser user) {
    if (user == null) {
      return "redirect:/sign-in";
    }
    return "redirect:/workspaces/" + invitations.accept(token, user);
  }
}
