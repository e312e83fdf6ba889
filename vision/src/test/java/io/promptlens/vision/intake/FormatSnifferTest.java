package io.promptlens.vision.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.core.analysis.ImageFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatSnifferTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void recognisesEachContainerByItsMagicBytes() {
    assertThat(FormatSniffer.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(ImageFormat.JPEG);
    assertThat(FormatSniffer.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)))
        .contains(ImageFormat.PNG);
    assertThat(FormatSniffer.sniff(ascii("GIF89a...."))).contains(ImageFormat.GIF);
    assertThat(FormatSniffer.sniff(ascii("GIF87a...."))).contains(ImageFormat.GIF);
    assertThat(FormatSniffer.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(ImageFormat.WEBP);
    assertThat(FormatSniffer.sniff(bytes('I', 'I', 42, 0, 8, 0, 0, 0))).contains(ImageFormat.TIFF);
    assertThat(FormatSniffer.sniff(bytes('M', 'M', 0, 42, 0, 0, 0, 8))).contains(ImageFormat.TIFF);
    byte[] bmp = new byte[54];
    bmp[0] = 'B';
    bmp[1] = 'M';
    bmp[14] = 40;
    assertThat(FormatSniffer.sniff(bmp)).contains(ImageFormat.BMP);
  }

  @Test
  void refusesLookAlikes() {
    assertThat(FormatSniffer.sniff(new byte[0])).isEmpty();
    assertThat(FormatSniffer.sniff(bytes(0xFF, 0xD8))).isEmpty();
    assertThat(FormatSniffer.sniff(ascii("BM is how this text file starts"))).isEmpty();
    assertThat(FormatSniffer.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
    assertThat(FormatSniffer.sniff(ascii("GIF is a format"))).isEmpty();
  }
}
