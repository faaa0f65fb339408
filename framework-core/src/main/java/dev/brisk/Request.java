package dev.brisk;

import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw request, for handlers and providers that need more than typed parameters. Declare a
 * parameter of this type to receive it.
 */
public interface Request {
    /** The method, e.g. {@code GET}. */
    String method();

    /** The decoded path, without the query string. */
    String path();

    /** The request target as sent: path and query string. */
    String uri();

    /** The first value of a header (case-insensitive name). */
    Optional<String> header(String name);

    /** Every value of a header, in order. */
    List<String> headers(String name);

    /** All header names and values. */
    Map<String, List<String>> headers();

    /** The first value of a query parameter, decoded. */
    Optional<String> query(String name);

    /** Every value of a repeated query parameter, decoded. */
    List<String> queries(String name);

    /** A path parameter of the matched route. */
    Optional<String> pathParam(String name);

    /** A request cookie. */
    Optional<String> cookie(String name);

    /** The request body (empty array when there is none). */
    byte[] body();

    /** The request body decoded as UTF-8. */
    String bodyText();

    /** The {@code Content-Type} header, if any. */
    Optional<String> contentType();

    /** The peer address. */
    SocketAddress remoteAddress();
}
