package io.promptlens.app.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body that is not an image upload (JSON and forms) at {@link #MAX_BYTES}: a
 * declared length over it is answered 413 before a byte is read, and a chunked body that runs over
 * it fails the read (answered 400 by the JSON error handler). Uploads have their own, larger limit
 * (the servlet multipart limits, from {@code promptlens.intake.max-bytes}).
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  /** The largest legitimate JSON body (a library item with a 10,000-character prompt) is ~25 KB. */
  static final long MAX_BYTES = 256 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"A request body is at"
                  + " most "
                  + MAX_BYTES / 1024
                  + " KB.\"}");
      return;
    }
    chain.doFilter(new Capped(request), response);
  }

  /** Stops reading past the cap, whatever the body's framing claimed. */
  private static final class Capped extends HttpServletRequestWrapper {
    Capped(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > MAX_BYTES) {
            throw new IOException("request body over " + MAX_BYTES + " bytes");
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > MAX_BYTES) {
            throw new IOException("request body over " + MAX_BYTES + " bytes");
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
