package nl.spiegel.web;

import java.net.URI;

/** Where a made thing can be fetched, for a {@code Location} header. */
public final class Locations {

    private Locations() {}

    /**
     * A path under the REST root ({@code /api}), without that root: JAX-RS resolves a relative location
     * against the application's base, which already ends in {@code /api/}.
     */
    public static URI of(String path) {
        return URI.create(path);
    }
}
