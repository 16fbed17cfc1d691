package nl.spiegel.meeting;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a service norm of a series' register stands: proposed, adopted by the organisation,
 * measured in a later meeting, revised after that, or retired. The steps a norm may take are here,
 * so that the register keeps no other rule.
 */
public enum NormStatus {
    CONCEPT, ADOPTED, MEASURED, REVISED, RETIRED;

    /** The statuses this one may change into by hand. */
    public Set<NormStatus> next() {
        return switch (this) {
            case CONCEPT -> EnumSet.of(ADOPTED, RETIRED);
            case ADOPTED -> EnumSet.of(MEASURED, REVISED, RETIRED);
            case MEASURED -> EnumSet.of(REVISED, RETIRED);
            case REVISED -> EnumSet.of(ADOPTED, RETIRED);
            case RETIRED -> EnumSet.noneOf(NormStatus.class);
        };
    }

    /** After a meeting's verdict: an adopted (or revised) norm has now been measured; any other stays. */
    public NormStatus afterVerdict() {
        return this == ADOPTED || this == REVISED ? MEASURED : this;
    }
}
