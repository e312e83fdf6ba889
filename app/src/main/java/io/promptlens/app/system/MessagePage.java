package io.promptlens.app.system;

import org.springframework.ui.Model;

/**
 * The one-message page ({@code message.html}): a title, a line of text and one link on. Here so
 * that every feature that ends a flow with a message (accounts, privacy) fills it the same way.
 */
public final class MessagePage {

  private MessagePage() {}

  /** Fills the model for the page and returns its view name. */
  public static String show(Model model, String title, String text, String link, String linkText) {
    model.addAttribute("title", title);
    model.addAttribute("text", text);
    model.addAttribute("link", link);
    model.addAttribute("linkText", linkText);
    return "message";
  }
}
