package nl.spiegel.store;

import nl.spiegel.meeting.Actor;

/**
 * Who sends a command: the actor the core sees, and the key it came with ({@code keyHash}, never
 * the key), whose own space of command ids it uses: two devices or people never share ids.
 */
public record Sender(Actor actor, String keyHash) {}
