package io.promptlens.providers;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * {@code OLLAMA_HOST} read the way Ollama itself reads it ({@code envconfig.Host()} in the ollama
 * repository, checked 2026-12-05 against its {@code TestHost} cases), so a hosted or proxied Ollama
 * that the {@code ollama} CLI reaches is reached here too:
 *
 * <ul>
 *   <li>surrounding spaces and quotes ({@code "} and {@code '}) are dropped;
 *   <li>without {@code scheme://} the scheme is {@code http} and the default port 11434; with
 *       {@code http://} the default port is 80, with {@code https://} 443;
 *   <li>anything after the first {@code /} is a path prefix ({@code https://example.com/ollama});
 *   <li>{@code host:port} splits as Go's {@code net.SplitHostPort} does; without a port the whole
 *       text is the host ({@code ::1} is an IPv6 address, bracketed in the URL), and an empty host
 *       means 127.0.0.1;
 *   <li>a port that is not a number in 0..65535 falls back to the default port.
 * </ul>
 *
 * <p>{@link #toString()} is Ollama's own rendering ({@code http://:1234} for an empty host), which
 * the tests compare with Ollama's; {@link #clientUrl()} is the address a client dials: an empty or
 * "listen everywhere" host ({@code 0.0.0.0}, {@code ::}) is loopback, as for Ollama's own client.
 */
record OllamaHost(String scheme, String host, String port, String path) {

  static final String DEFAULT_PORT = "11434";

  static OllamaHost parse(String value) {
    String text = trimQuotes(value == null ? "" : value.strip()).strip();
    String defaultPort = DEFAULT_PORT;
    String scheme;
    String hostport;
    int separator = text.indexOf("://");
    if (separator < 0) {
      scheme = "http";
      hostport = text;
    } else {
      scheme = text.substring(0, separator);
      hostport = text.substring(separator + 3);
      if (scheme.equals("http")) {
        defaultPort = "80";
      } else if (scheme.equals("https")) {
        defaultPort = "443";
      }
    }
    String path = "";
    int slash = hostport.indexOf('/');
    if (slash >= 0) {
      path = hostport.substring(slash + 1);
      hostport = hostport.substring(0, slash);
    }
    String host;
    String port;
    String[] split = splitHostPort(hostport);
    if (split != null) {
      host = split[0];
      port = split[1];
    } else {
      host = "127.0.0.1";
      port = defaultPort;
      String unbracketed = trim(hostport, "[]");
      String ip = ipLiteral(unbracketed);
      if (ip != null) {
        host = ip;
      } else if (!hostport.isEmpty()) {
        host = hostport;
      }
    }
    if (!validPort(port)) {
      port = defaultPort;
    }
    return new OllamaHost(scheme, host, port, path);
  }

  /** Ollama's rendering: {@code scheme://host:port[/path]}, an IPv6 host in brackets. */
  @Override
  public String toString() {
    return scheme + "://" + joinHostPort(host, port) + (path.isEmpty() ? "" : "/" + path);
  }

  /**
   * The base URL a client dials: loopback for an empty or unspecified host.
   *
   * @throws IllegalArgumentException for a scheme other than http and https (a Unix socket, which
   *     the JDK HTTP client cannot dial)
   */
  URI clientUrl() {
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "ollama: OLLAMA_HOST scheme '"
              + scheme
              + "' is not supported; use http:// or https:// (or --base-url)");
    }
    String dialled = host.isEmpty() || host.equals("0.0.0.0") ? "127.0.0.1" : host;
    dialled = dialled.equals("::") ? "::1" : dialled;
    return URI.create(
        scheme + "://" + joinHostPort(dialled, port) + (path.isEmpty() ? "" : "/" + path));
  }

  /** Go's net.SplitHostPort: null when the text has no port part. */
  private static String @Nullable [] splitHostPort(String hostport) {
    if (hostport.startsWith("[")) {
      int close = hostport.indexOf(']');
      if (close < 0 || close + 1 >= hostport.length() || hostport.charAt(close + 1) != ':') {
        return null;
      }
      String host = hostport.substring(1, close);
      String port = hostport.substring(close + 2);
      return port.contains(":") ? null : new String[] {host, port};
    }
    int colon = hostport.lastIndexOf(':');
    if (colon < 0 || hostport.indexOf(':') != colon) {
      // No colon, or several outside brackets ("::1"): not host:port.
      return null;
    }
    return new String[] {hostport.substring(0, colon), hostport.substring(colon + 1)};
  }

  private static boolean validPort(String port) {
    try {
      long number = Long.parseLong(port);
      return number >= 0 && number <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The canonical text of an IP literal, or null when the text is not one. */
  private static @Nullable String ipLiteral(String text) {
    boolean v4 =
        text.matches("\\d{1,3}(\\.\\d{1,3}){3}")
            && java.util.Arrays.stream(text.split("\\.")).allMatch(o -> Integer.parseInt(o) < 256);
    boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return null; // never resolve a host name here
    }
    try {
      InetAddress address = InetAddress.getByName(text);
      if (address instanceof java.net.Inet6Address) {
        return compressIpv6(address.getHostAddress());
      }
      return address.getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Go prints IPv6 in the RFC 5952 short form ("::1"); Java prints "0:0:0:0:0:0:0:1". */
  private static String compressIpv6(String full) {
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < groups.length; ) {
      if (groups[i].equals("0")) {
        int j = i;
        while (j < groups.length && groups[j].equals("0")) {
          j++;
        }
        if (j - i > bestLength && j - i > 1) {
          bestStart = i;
          bestLength = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    if (bestStart < 0) {
      return String.join(":", groups);
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, 8));
    return head + "::" + tail;
  }

  private static String joinHostPort(String host, String port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String trimQuotes(String text) {
    return trim(text, "\"'");
  }

  /** Go's strings.Trim: drops any of {@code cutset} from both ends. */
  private static String trim(String text, String cutset) {
    int start = 0;
    int end = text.length();
    while (start < end && cutset.indexOf(text.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && cutset.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(start, end);
  }
}
