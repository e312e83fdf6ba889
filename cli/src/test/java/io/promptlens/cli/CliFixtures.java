package io.promptlens.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Runs the CLI in-process and writes test images with known properties. */
final class CliFixtures {

  private CliFixtures() {}

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PromptLensCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A 600 × 400 (3:2) image: left 60 % orange, right 40 % dark blue. */
  static Path twoColourImage(Path dir, String name, String format) throws IOException {
    BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(230, 120, 20));
    g.fillRect(0, 0, 360, 400);
    g.setColor(new Color(20, 30, 90));
    g.fillRect(360, 0, 240, 400);
    g.dispose();
    Path file = dir.resolve(name);
    ImageIO.write(image, format, file.toFile());
    return file;
  }

  /** A PNG page of ink "words" on paper: a document by measurement alone. */
  static Path inkPage(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    javax.imageio.ImageIO.write(io.promptlens.vision.TestImages.inkPage(5), "png", file.toFile());
    return file;
  }

  static Path brokenJpeg(Path dir) throws IOException {
    Path good = twoColourImage(dir, "whole.jpg", "jpg");
    byte[] bytes = Files.readAllBytes(good);
    Path broken = dir.resolve("broken.jpg");
    Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 3));
    return broken;
  }
}
