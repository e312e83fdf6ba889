import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * Usage: java MakeImages.java SOURCE_DIR OUT_DIR COUNT. Cuts COUNT different 1-2 MP JPEGs
 * (quality 0.9) from the photos in SOURCE_DIR: seeded crops of 55-100 % of each photo at a
 * long side of 1,300-1,750 px, so every output is a real photograph and no two are the same.
 */
public class MakeImages {
  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    int count = Integer.parseInt(args[2]);
    List<Path> photos = new ArrayList<>();
    try (Stream<Path> files = Files.list(source)) {
      files.filter(f -> f.toString().endsWith(".jpg")).sorted().forEach(photos::add);
    }
    Random random = new Random(14);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam quality = writer.getDefaultWriteParam();
    quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    quality.setCompressionQuality(0.9f);
    for (int i = 0; i < count; i++) {
      BufferedImage photo = ImageIO.read(photos.get(i % photos.size()).toFile());
      double share = 0.55 + 0.45 * random.nextDouble();
      int cw = (int) (photo.getWidth() * share);
      int ch = (int) (photo.getHeight() * share);
      int x = random.nextInt(photo.getWidth() - cw + 1);
      int y = random.nextInt(photo.getHeight() - ch + 1);
      int longSide = 1300 + random.nextInt(451);
      double scale = (double) longSide / Math.max(cw, ch);
      int w = (int) Math.round(cw * scale);
      int h = (int) Math.round(ch * scale);
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      var g = image.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(photo, 0, 0, w, h, x, y, x + cw, y + ch, null);
      g.dispose();
      File file = out.resolve(String.format("photo-%03d.jpg", i)).toFile();
      try (var stream = ImageIO.createImageOutputStream(file)) {
        writer.setOutput(stream);
        writer.write(null, new IIOImage(image, null, null), quality);
      }
    }
  }
}
