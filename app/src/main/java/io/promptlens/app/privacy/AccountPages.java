package io.promptlens.app.privacy;

import org.springframework.ui.Model;

/** The shared one-message page ({@code message.html}). */
final class AccountPages {

  private AccountPages() {}

  static String message(Model model, String title, String text, String link, String linkText) {
    model.addAttribute("title", title);
    model.addAttribute("text", text);
    model.addAttribute("link", link);
    model.addAttribute("linkText", linkText);
    return "message";
  }
}
