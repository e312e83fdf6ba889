package io.promptlens.app.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body written by hand, as a browser form or a script sends it: the form
 * fields first, then the file parts, then the closing boundary. The tests' clients (API, signed-in
 * session, batch) all upload through this one writer.
 */
public final class MultipartBody {

  private final String boundary = "----promptlens" + UUID.randomUUID().toString().replace("-", "");
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  /** Text fields, in the map's order. */
  public MultipartBody fields(Map<String, String> fields) {
    fields.forEach(
        (name, value) ->
            write(
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\"\r\n\r\n"
                    + value
                    + "\r\n"));
    return this;
  }

  /** One file part named {@code part}. */
  public MultipartBody file(String part, String fileName, String contentType, byte[] bytes) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + part
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(bytes);
    write("\r\n");
    return this;
  }

  /** The Content-Type header value, which names the boundary. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The body so far with its closing boundary; call once, after the last part. */
  public HttpRequest.BodyPublisher publisher() {
    write("--" + boundary + "--\r\n");
    return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
