package nl.spiegel.live;

/**
 * Why the server could not take a message ({@code error}); documented in docs/asyncapi.yaml.
 * Rejections of a command by the meeting's rules are {@code rejected} with the core's codes instead.
 */
public enum ErrorCode {
    BAD_JSON, MISSING_FIELD, UNKNOWN_TYPE, INVALID, HELLO_FIRST, ALREADY_SUBSCRIBED, RATE_LIMITED, UNAVAILABLE
}
